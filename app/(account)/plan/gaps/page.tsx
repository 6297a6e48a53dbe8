import type { Metadata } from 'next';
import Link from 'next/link';
import { ForgetMessage } from '@/components/plan/ForgetMessage';
import { GapsView } from '@/components/plan/GapsView';
import { requireUser } from '@/lib/auth';
import { COMPETENCY_GROUPS, proficiencyName, type CompetencyGroup } from '@/lib/cards/domain';
import { DatabaseUnavailable } from '@/components/DatabaseUnavailable';
import { getDb } from '@/lib/db/client';
import { orUnavailable } from '@/lib/db/errors';
import { AIM_LABEL, AIMS } from '@/lib/gaps';
import { loadGaps } from '@/lib/my-gaps';
import { competencyOfSlug } from '@/lib/ratings';

export const metadata: Metadata = {
  title: 'Where I stand',
  description: 'Your own rating of each competency of your series against the level your cards ask for, largest gap first, with the courses that close it.',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

export default async function GapsPage({ searchParams }: Props) {
  const loaded = await orUnavailable(async () => {
    const user = await requireUser('/plan/gaps');
    return Promise.all([loadGaps(await getDb(), user.id), searchParams]);
  });
  if (!loaded.ok) return <DatabaseUnavailable title="Where I stand" />;
  const [gaps, params] = loaded.value;
  const asked = one(params.group);
  const group = asked && (COMPETENCY_GROUPS as readonly string[]).includes(asked) ? (asked as CompetencyGroup) : null;
  const ratedSlug = one(params.rated);
  const ratedName = ratedSlug ? competencyOfSlug(ratedSlug) : undefined;
  const rated = ratedSlug ? gaps.rows.find((r) => r.slug === ratedSlug) : undefined;
  const saved = ratedName
    ? `Your rating of ${ratedName} is saved${rated?.current ? `: ${rated.current} ${proficiencyName(rated.current)}` : ''}.`
    : one(params.saved) === 'aim'
      ? 'Your targets now come from the cards you chose.'
      : null;

  return (
    <div className="grid-container page-section plan">
      <nav aria-label="My plan" className="plan-tabs no-print">
        <Link href="/plan">My plan</Link>
        <span aria-current="page">Where I stand</span>
      </nav>
      <h1>Where I stand</h1>
      <p className="usa-intro">Your rating of each competency of your series against the level your cards ask for, largest gap first.</p>
      <ForgetMessage params={['saved', 'rated']} />
      {saved ? (
        <div className="usa-alert usa-alert--success usa-alert--slim notice" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              {saved} {rated?.card ? <Link href={rated.card.url}>Back to the card</Link> : null}
            </p>
          </div>
        </div>
      ) : null}
      {asked && !group ? (
        <div className="usa-alert usa-alert--warning usa-alert--slim" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">“{asked.slice(0, 60)}” is not a competency group; every group is shown.</p>
          </div>
        </div>
      ) : null}
      {gaps.profile === null ? (
        <div className="usa-alert usa-alert--info" role="region" aria-label="Set your grade">
          <div className="usa-alert__body">
            <h2 className="usa-alert__heading">Set your series and grade first</h2>
            <p className="usa-alert__text">
              Targets come from the cards of your series at your career level. <Link href="/profile">Set your series and grade</Link>.
            </p>
          </div>
        </div>
      ) : (
        <>
          <p>
            Series {gaps.profile.series}, GS {gaps.profile.grade}. Targets from the {gaps.level} cards. <Link href="/profile">Change your grade</Link>
          </p>
          <form method="post" action="/api/aim" className="usa-form aim-form no-print">
            <input type="hidden" name="returnTo" value={group ? `/plan/gaps?group=${encodeURIComponent(group)}` : '/plan/gaps'} />
            <fieldset className="usa-fieldset">
              <legend className="usa-legend">Take targets from</legend>
              {AIMS.map((aim) => (
                <div className="usa-radio" key={aim}>
                  <input className="usa-radio__input" id={`aim-${aim}`} type="radio" name="aim" value={aim} defaultChecked={gaps.aim === aim} />
                  <label className="usa-radio__label" htmlFor={`aim-${aim}`}>
                    {AIM_LABEL[aim]}
                  </label>
                </div>
              ))}
            </fieldset>
            <button type="submit" className="usa-button usa-button--outline">
              Use these targets
            </button>
          </form>
          <GapsView rows={gaps.rows} group={group} filterAction="/plan/gaps" />
        </>
      )}
    </div>
  );
}
