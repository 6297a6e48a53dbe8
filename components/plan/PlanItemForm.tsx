import { NOTE_MAX } from '@/lib/bookmarks';
import { PROGRESS } from '@/lib/db/schema';
import { PROGRESS_LABEL } from '@/lib/plan';

/**
 * What a person keeps about one bookmark of My plan — where they are with it, a private note and a
 * target date — as a plain form in a disclosure (works without JavaScript; the server checks it).
 */
export function PlanItemForm({
  id,
  title,
  progress,
  note,
  targetDate,
}: {
  id: string;
  title: string;
  progress: (typeof PROGRESS)[number];
  note: string | null;
  targetDate: string | null;
}) {
  return (
    <details className="plan-edit no-print">
      <summary>
        Update progress, note and target date<span className="usa-sr-only"> for {title}</span>
      </summary>
      <form method="post" action={`/api/bookmarks/${id}`} className="usa-form plan-edit__form">
        <input type="hidden" name="returnTo" value={`/plan#plan-item-${id}`} />
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">Progress</legend>
          {PROGRESS.map((value) => (
            <div className="usa-radio" key={value}>
              <input
                className="usa-radio__input"
                id={`progress-${id}-${value}`}
                type="radio"
                name="progress"
                value={value}
                defaultChecked={value === progress}
              />
              <label className="usa-radio__label" htmlFor={`progress-${id}-${value}`}>
                {PROGRESS_LABEL[value]}
              </label>
            </div>
          ))}
        </fieldset>
        <label className="usa-label" htmlFor={`note-${id}`}>
          Private note
        </label>
        <div className="usa-hint" id={`note-${id}-hint`}>
          Only you see it (and your downloads). At most {NOTE_MAX.toLocaleString('en-US')} characters.
        </div>
        <textarea
          className="usa-textarea"
          id={`note-${id}`}
          name="note"
          maxLength={NOTE_MAX}
          rows={3}
          defaultValue={note ?? ''}
          aria-describedby={`note-${id}-hint`}
        />
        <label className="usa-label" htmlFor={`target-${id}`}>
          Target date
        </label>
        <div className="usa-hint" id={`target-${id}-hint`}>
          When you aim to reach this level. Leave it empty for none.
        </div>
        <input
          className="usa-input usa-input--medium"
          id={`target-${id}`}
          name="targetDate"
          type="date"
          min="2000-01-01"
          max="2100-12-31"
          defaultValue={targetDate ?? ''}
          aria-describedby={`target-${id}-hint`}
        />
        <button type="submit" className="usa-button">
          Save<span className="usa-sr-only"> changes to {title}</span>
        </button>
      </form>
    </details>
  );
}
