'use client';

import { useId, useState, useSyncExternalStore } from 'react';

interface Criteria {
  readonly text: string;
  readonly modality: string;
  readonly freeOnly: boolean;
}

/** Hides the courses of `root` that do not match and opens the "Show more" disclosures; returns how many match. */
function apply(root: HTMLElement, { text, modality, freeOnly }: Criteria): number {
  const words = text.toLowerCase().split(/\s+/u).filter(Boolean);
  const filtering = words.length > 0 || modality !== '' || freeOnly;
  let count = 0;
  for (const item of root.querySelectorAll<HTMLElement>('[data-course]')) {
    const match =
      words.every((w) => (item.dataset.text ?? '').includes(w)) &&
      (modality === '' || item.dataset.modality === modality) &&
      (!freeOnly || item.dataset.free === '1');
    item.hidden = !match;
    if (match) count++;
  }
  if (filtering) for (const details of root.querySelectorAll<HTMLDetailsElement>('details.course-more')) details.open = true;
  for (const group of root.querySelectorAll<HTMLElement>('.course-group')) {
    group.hidden = filtering && group.querySelector('[data-course]:not([hidden])') === null;
  }
  return count;
}

const noop = () => () => undefined;

/**
 * Filters a card's course list in place: the list is server-rendered, and this only hides items
 * that do not match (opening the "Show more" disclosures so matches are seen). It renders only
 * once the page's script runs: without JavaScript there is no control that would not work.
 */
export function CourseFilter({ target, modalities, total }: { target: string; modalities: readonly string[]; total: number }) {
  const id = useId();
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const [criteria, setCriteria] = useState<Criteria>({ text: '', modality: '', freeOnly: false });
  const [shown, setShown] = useState(total);

  const change = (next: Partial<Criteria>) => {
    const updated = { ...criteria, ...next };
    setCriteria(updated);
    const root = document.getElementById(target);
    if (root) setShown(apply(root, updated));
  };

  if (!hydrated) return null;
  return (
    <div className="course-filter" role="search" aria-label="Course filter">
      <div className="course-filter__field">
        <label className="usa-label" htmlFor={`${id}-text`}>
          Filter courses
        </label>
        <input className="usa-input" id={`${id}-text`} type="search" value={criteria.text} onChange={(e) => change({ text: e.target.value })} />
      </div>
      {modalities.length > 1 ? (
        <div className="course-filter__field">
          <label className="usa-label" htmlFor={`${id}-modality`}>
            Format
          </label>
          <select className="usa-select" id={`${id}-modality`} value={criteria.modality} onChange={(e) => change({ modality: e.target.value })}>
            <option value="">Any format</option>
            {modalities.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="usa-checkbox course-filter__field">
        <input
          className="usa-checkbox__input"
          id={`${id}-free`}
          type="checkbox"
          checked={criteria.freeOnly}
          onChange={(e) => change({ freeOnly: e.target.checked })}
        />
        <label className="usa-checkbox__label" htmlFor={`${id}-free`}>
          Free courses only
        </label>
      </div>
      <p className="course-filter__count" role="status" aria-live="polite">
        {shown === total ? `Showing all ${total} courses.` : `${shown} of ${total} courses match.`}
      </p>
    </div>
  );
}
