import { PROFICIENCY_LEVELS } from '@/lib/cards/domain';

/** What the five proficiency levels mean (OPM's scale, as the cards' own definitions word it). */
const MEANING: Record<keyof typeof PROFICIENCY_LEVELS, string> = {
  1: 'applies the competency in the simplest situations, with close and extensive guidance',
  2: 'applies it in somewhat difficult situations, with frequent guidance',
  3: 'applies it in difficult situations, with occasional guidance',
  4: 'applies it in considerably difficult situations, with little or no guidance',
  5: 'applies it in exceptionally difficult situations and advises others',
};

const SCALE = [1, 2, 3, 4, 5] as const;

/** A disclosure explaining the 1–5 scale, where a proficiency level is shown. */
export function ProficiencyScale({ shown }: { shown: readonly number[] }) {
  return (
    <details className="proficiency-scale">
      <summary>What the proficiency levels mean</summary>
      <p>
        Each competency is described at proficiency levels from 1 to 5.{' '}
        {shown.length > 0 ? `This page describes level${shown.length === 1 ? '' : 's'} ${shown.join(', ')}.` : ''}
      </p>
      <dl>
        {SCALE.map((level) => (
          <div key={level}>
            <dt>
              {level} {PROFICIENCY_LEVELS[level]}
            </dt>
            <dd>{MEANING[level]}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
