'use client';

import { memo, useId, useState } from 'react';
import { FACET_FOLD_AT, facetPreview } from '@/lib/dashboard';
import type { FacetName, FacetValue } from '@/lib/filters';

/** How a long facet folds: its size, whether it is open, and whether its whole list is here. */
export interface Fold {
  /** How many values the facet has (the page may hold only a preview of them). */
  readonly size: number;
  readonly open: boolean;
  /** The card data has loaded: `values` is the whole list and can be searched. */
  readonly live: boolean;
  onOpen(open: boolean): void;
  /** "competencies", for "Show all 834 competencies". */
  readonly plural: string;
  /** "competency", for "Find a competency". */
  readonly singular: string;
}

/**
 * One facet as a USWDS checkbox group; a value that would yield no cards is shown disabled.
 *
 * A long facet (`fold`, more than FACET_FOLD_AT values) lists a preview first: its values with the
 * most cards and the chosen ones. "Show all" is a submit button of the GET form (`more=<facet>`,
 * so the server lists them all without JavaScript); with JavaScript it opens the list in place,
 * with a box that narrows it as a person types.
 */
export function Facet({
  legend,
  name,
  values,
  selected,
  onToggle,
  note,
  fold,
}: {
  legend: string;
  /** A sentence under the legend (why a value is ticked). */
  note?: string;
  name: FacetName;
  values: readonly FacetValue[];
  /** The values selected now (the counts in `values` may lag a frame behind). */
  selected: ReadonlySet<string>;
  onToggle: (facet: FacetName, value: string, on: boolean) => void;
  fold?: Fold;
}) {
  const id = useId();
  const [find, setFind] = useState('');
  const foldable = fold !== undefined && fold.size > FACET_FOLD_AT;
  const open = foldable && fold.open;
  const searchable = open && fold.live;
  const needle = searchable ? find.trim().toLowerCase() : '';
  let shown = values;
  if (foldable && !open) shown = facetPreview(values, selected);
  else if (needle) shown = values.filter((v) => selected.has(v.value) || v.label.toLowerCase().includes(needle));
  const listId = `${id}-values`;
  return (
    <fieldset className="usa-fieldset facet">
      <legend className="usa-legend facet-legend">{legend}</legend>
      {note ? (
        <p className="usa-hint facet-note" role="status">
          {note}
        </p>
      ) : null}
      {searchable ? (
        <div className="facet-find">
          <label className="usa-label" htmlFor={`${id}-find`}>
            Find a {fold.singular}
          </label>
          {/* No name: the words narrow the list; they are not a filter of the form. */}
          <input
            className="usa-input"
            id={`${id}-find`}
            type="search"
            autoComplete="off"
            aria-controls={listId}
            aria-describedby={`${id}-shown`}
            value={find}
            onChange={(e) => setFind(e.target.value)}
            onKeyDown={(e) => {
              // Enter would submit the filter form and move to the results: here it only narrows.
              if (e.key === 'Enter') e.preventDefault();
            }}
          />
          <p className="usa-hint" id={`${id}-shown`} role="status">
            {needle ? `${shown.length} of ${fold.size} ${fold.plural} match.` : `All ${fold.size} ${fold.plural}.`}
          </p>
        </div>
      ) : null}
      <div className={open ? 'facet-scroll' : undefined} id={listId}>
        {shown.map((v) => (
          <FacetOption key={v.value} name={name} value={v.value} label={v.label} count={v.count} selected={selected.has(v.value)} onToggle={onToggle} />
        ))}
      </div>
      {open && !fold.live && values.length < fold.size ? (
        <p className="usa-hint" role="status">
          Loading all {fold.size} {fold.plural}…
        </p>
      ) : null}
      {foldable ? (
        open ? (
          // Without JavaScript: applies the form, whose next page lists the preview again.
          <button
            type="submit"
            className="usa-button usa-button--unstyled facet-more"
            aria-expanded="true"
            aria-controls={listId}
            onClick={(e) => {
              e.preventDefault();
              setFind('');
              fold.onOpen(false);
            }}
          >
            Show fewer {fold.plural}
          </button>
        ) : (
          <button
            type="submit"
            name="more"
            value={name}
            className="usa-button usa-button--unstyled facet-more"
            aria-expanded="false"
            aria-controls={listId}
            onClick={(e) => {
              e.preventDefault();
              fold.onOpen(true);
            }}
          >
            Show all {fold.size} {fold.plural}
          </button>
        )
      ) : null}
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
        {`${label} `}
        <span className="facet-count">{`(${count})`}</span>
      </label>
    </div>
  );
});
