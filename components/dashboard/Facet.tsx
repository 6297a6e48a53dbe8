'use client';

import { memo } from 'react';
import type { FacetName, FacetValue } from '@/lib/filters';

/** One facet as a USWDS checkbox group; a value that would yield no cards is shown disabled. */
export function Facet({
  legend,
  name,
  values,
  selected,
  onToggle,
  scroll = false,
  note,
}: {
  legend: string;
  /** A sentence under the legend (why a value is ticked). */
  note?: string;
  name: FacetName;
  values: readonly FacetValue[];
  /** The values selected now (the counts in `values` may lag a frame behind). */
  selected: ReadonlySet<string>;
  onToggle: (facet: FacetName, value: string, on: boolean) => void;
  scroll?: boolean;
}) {
  return (
    <fieldset className="usa-fieldset facet">
      <legend className="usa-legend facet-legend">{legend}</legend>
      {note ? (
        <p className="usa-hint facet-note" role="status">
          {note}
        </p>
      ) : null}
      <div className={scroll ? 'facet-scroll' : undefined}>
        {values.map((v) => (
          <FacetOption key={v.value} name={name} value={v.value} label={v.label} count={v.count} selected={selected.has(v.value)} onToggle={onToggle} />
        ))}
      </div>
    </fieldset>
  );
}

/** One checkbox; memoised, so an update re-renders only the values whose count or state changed. */
const FacetOption = memo(function FacetOption({
  name,
  value,
  label,
  count,
  selected,
  onToggle,
}: {
  name: FacetName;
  value: string;
  label: string;
  count: number;
  selected: boolean;
  onToggle: (facet: FacetName, value: string, on: boolean) => void;
}) {
  const id = `${name}-${value}`;
  return (
    <div className="usa-checkbox">
      <input
        className="usa-checkbox__input"
        id={id}
        type="checkbox"
        name={name}
        value={value}
        checked={selected}
        disabled={count === 0 && !selected}
        onChange={(e) => onToggle(name, value, e.target.checked)}
      />
      <label className="usa-checkbox__label" htmlFor={id}>
        {label} <span className="facet-count">({count})</span>
      </label>
    </div>
  );
});
