import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth';
import { DatabaseUnavailable } from '@/components/DatabaseUnavailable';
import { getDb } from '@/lib/db/client';
import { orUnavailable } from '@/lib/db/errors';
import { getProfile } from '@/lib/db/queries';
import { careerLevelForGrade } from '@/lib/grades';
import { ProfileForm } from './ProfileForm';

export const metadata: Metadata = { title: 'Your profile', robots: { index: false } };

export default async function ProfilePage() {
  const loaded = await orUnavailable(async () => {
    const user = await requireUser('/profile');
    return getProfile(await getDb(), user.id);
  });
  if (!loaded.ok) return <DatabaseUnavailable title="Your profile" />;
  const profile = loaded.value;
  return (
    <div className="grid-container page-section">
      <h1>Your profile</h1>
      <p className="usa-intro">Your job series and GS grade set the cards the dashboard shows first, and mark each card of your plan against your level.</p>
      {profile ? (
        <p>
          Now: {profile.series}, GS {profile.grade} ({careerLevelForGrade(profile.grade)} level).
        </p>
      ) : null}
      <ProfileForm
        initial={{
          status: 'idle',
          message: '',
          fieldErrors: {},
          values: { series: profile?.series ?? '', grade: profile ? String(profile.grade) : '' },
        }}
      />
    </div>
  );
}
