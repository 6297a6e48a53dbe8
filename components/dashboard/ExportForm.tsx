'use client';

import { useRef, useState, type FormEvent } from 'react';
import { MAX_EXPORT } from '@/lib/export/fields';
import { filterToSearchParams, type Filter } from '@/lib/filters';
import type { Selection } from './useDashboard';

export const EXPORT_FORM_ID = 'export-form';

/**
 * Exports the selected cards as PDF or CSV. A plain POST form: the result rows' checkboxes belong
 * to it through their `form` attribute (the rows hold bookmark forms, and forms cannot nest);
 * "select all" sends the filter, so the server exports every matching card, with or without
 * JavaScript. With JavaScript, selections on other pages travel as hidden fields.
 */
export function ExportForm({
  filter,
  total,
  visibleKeys,
  selection,
  onSelectAll,
  onClear,
}: {
  filter: Filter;
  total: number;
  visibleKeys: readonly string[];
  selection: Selection;
  onSelectAll: (on: boolean) => void;
  /** Clears the selection, or only the given slugs. */
  onClear: (only?: readonly string[]) => void;
}) {
  const selectAll = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const count = selection.all ? total : selection.keys.size;
  const visible = new Set(visibleKeys);
  const hidden = selection.all ? [] : [...selection.keys].filter((k) => !visible.has(k));
  const filterFields = [...filterToSearchParams({ ...filter, page: 1 }).entries()].filter(([name]) => name !== 'per' && name !== 'sort');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const message =
      count === 0
        ? 'Select at least one card to export.'
        : count > MAX_EXPORT
          ? `${count} cards are selected; an export holds at most ${MAX_EXPORT}. Narrow the filter or select fewer cards.`
          : null;
    setError(message);
    if (message) event.preventDefault();
  };

  return (
    <form id={EXPORT_FORM_ID} method="post" action="/cards/export" className="export-form" onSubmit={onSubmit} aria-labelledby="export-heading">
      <h3 id="export-heading" className="export-heading">
        Export cards
      </h3>
      {filterFields.map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
      {hidden.map((key) => (
        <input key={key} type="hidden" name="slug" value={key} />
      ))}
      <div className="export-controls">
        <div className="usa-checkbox">
          <input
            className="usa-checkbox__input"
            id="select-all"
            type="checkbox"
            name="select"
            value="all"
            ref={selectAll}
            checked={selection.all}
            onChange={(e) => {
              setError(null);
              onSelectAll(e.target.checked);
            }}
          />
          <label className="usa-checkbox__label" htmlFor="select-all">
            {total === 1 ? 'Select the 1 result' : `Select all ${total} results`}
          </label>
        </div>
        <fieldset className="usa-fieldset export-format">
          <legend className="usa-sr-only">File format</legend>
          <div className="usa-radio">
            <input className="usa-radio__input" id="export-pdf" type="radio" name="format" value="pdf" defaultChecked />
            <label className="usa-radio__label" htmlFor="export-pdf">
              PDF <span className="usa-sr-only">(one page per card)</span>
            </label>
          </div>
          <div className="usa-radio">
            <input className="usa-radio__input" id="export-csv" type="radio" name="format" value="csv" />
            <label className="usa-radio__label" htmlFor="export-csv">
              CSV <span className="usa-sr-only">(one row per card)</span>
            </label>
          </div>
        </fieldset>
        <button type="submit" className="usa-button usa-button--outline">
          Export selected
        </button>
        {count > 0 ? (
          <button
            type="button"
            className="usa-button usa-button--unstyled"
            onClick={() => {
              setError(null);
              onClear();
              // The button goes away with the selection: keep the focus in the export controls.
              selectAll.current?.focus();
            }}
          >
            Clear selection
          </button>
        ) : null}
      </div>
      <p className="export-count" role="status" aria-live="polite">
        {count === 0 ? 'No cards selected.' : count === 1 ? '1 card selected' : `${count} cards selected`}
        {count > 0 && hidden.length > 0 ? `, ${hidden.length} of them not shown here.` : count > 0 ? '.' : ''}
      </p>
      {hidden.length > 0 ? (
        <button type="button" className="usa-button usa-button--unstyled export-clear-hidden" onClick={() => onClear(hidden)}>
          Clear the {hidden.length === 1 ? 'card' : `${hidden.length} cards`} not shown
        </button>
      ) : null}
      {error ? (
        <p className="usa-error-message" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** A result row's checkbox, in the export form. */
export function SelectCard({ slug, label, checked, onChange }: { slug: string; label: string; checked: boolean; onChange: (on: boolean) => void }) {
  const id = `select-${slug.replace(/[^A-Za-z0-9_-]/gu, '_')}`;
  return (
    <div className="usa-checkbox select-card">
      <input
        className="usa-checkbox__input"
        id={id}
        type="checkbox"
        form={EXPORT_FORM_ID}
        name="slug"
        value={slug}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label className="usa-checkbox__label" htmlFor={id}>
        <span className="usa-sr-only">{`Select ${label} for export`}</span>
      </label>
    </div>
  );
}
