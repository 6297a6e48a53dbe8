'use client';

import type { FacetName, FacetValue } from '@/lib/filters';

/** One facet as a USWDS checkbox group; a value that would yield no cards is shown disabled. */
export function Facet({
  legend,
  name,
  values,
  onToggle,
  scroll = false,
}: {
  legend: string;
  name: FacetName;
  values: readonly FacetValue[];
  onToggle: (facet: FacetName, value: string, on: boolean) => void;
  scroll?: boolean;
}) {
  return (
    <fieldset className="usa-fieldset facet">
      <legend className="usa-legend facet-legend">{legend}</legend>
      <div className={scroll ? 'facet-scroll' : undefined}>
        {values.map((v) => {
          const id = `${name}-${v.value}`;
          return (
            <div className="usa-checkbox" key={v.value}>
              <input
                className="usa-checkbox__input"
                id={id}
                type="checkbox"
                name={name}
                value={v.value}
                checked={v.selected}
                disabled={v.count === 0 && !v.selected}
                onChange={(e) => onToggle(name, v.value, e.target.checked)}
              />
              <label className="usa-checkbox__label" htmlFor={id}>
                {v.label} <span className="facet-count">({v.count})</span>
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
