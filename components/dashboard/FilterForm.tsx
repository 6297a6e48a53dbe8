'use client';

import type { FormEvent } from 'react';
import { careerLevelForGrade } from '@/lib/grades';
import { MAX_QUERY_LENGTH, selectedLevels, type FacetName, type FacetValue, type Filter } from '@/lib/filters';
import { Facet, type Fold } from './Facet';
import { GradeField } from './GradeField';

export const FILTER_FORM_ID = 'filter-form';

/**
 * The filters: a plain GET form to /cards (complete without JavaScript), whose controls update the
 * results in place once the data has loaded. On a narrow screen it folds into a disclosure whose
 * summary says how many filters are on and how many cards match.
 */
export function FilterForm({
  filter,
  facets,
  total,
  live,
  signedIn,
  bookmarkCount,
  open,
  onOpen,
  onSubmit,
  onChange,
  onToggle,
  competencyFold,
}: {
  competencyFold: Omit<Fold, 'plural' | 'singular'>;
  filter: Filter;
  facets: Record<FacetName, FacetValue[]>;
  total: number;
  live: boolean;
  signedIn: boolean;
  bookmarkCount: number;
  open: boolean;
  onOpen: (open: boolean) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onChange: (next: Filter, mode?: 'push' | 'replace') => void;
  onToggle: (facet: FacetName, value: string, on: boolean) => void;
}) {
  const levels = selectedLevels(filter);
  const selected = {
    series: new Set<string>(filter.series),
    level: new Set<string>(levels),
    group: new Set<string>(filter.groups),
    competency: new Set<string>(filter.competencies),
  };
  const active =
    filter.series.length +
    filter.levels.length +
    filter.groups.length +
    filter.competencies.length +
    (filter.q ? 1 : 0) +
    (filter.grade === null ? 0 : 1) +
    (filter.bookmarked ? 1 : 0);
  const byGrade = filter.grade === null ? null : careerLevelForGrade(filter.grade);
  const toggleLevel = (facet: FacetName, value: string, on: boolean) => {
    // The grade's own level is ticked by the grade: unticking it clears the grade.
    if (facet === 'level' && !on && value === byGrade && !filter.levels.includes(byGrade)) onChange({ ...filter, grade: null, page: 1 });
    else onToggle(facet, value, on);
  };
  return (
    <details className="filters" open={open} onToggle={(e) => onOpen(e.currentTarget.open)}>
      <summary className="filters-summary">
        Filters{active > 0 ? ` (${active} on)` : ''} <span className="filters-summary__count">· {total === 1 ? '1 card' : `${total} cards`}</span>
      </summary>
      <form
        id={FILTER_FORM_ID}
        method="get"
        action="/cards"
        className="usa-form dashboard-form"
        onSubmit={onSubmit}
        aria-label="Filter cards"
        data-live={live ? 'true' : 'false'}
      >
        <label className="usa-label" htmlFor="q">
          Search text
        </label>
        <span className="usa-hint" id="q-hint">
          Competency, description, proficiency levels, behaviors, definitions, courses and their providers
        </span>
        <input
          className="usa-input"
          id="q"
          name="q"
          type="search"
          aria-describedby="q-hint"
          maxLength={MAX_QUERY_LENGTH}
          value={filter.q}
          onChange={(e) => onChange({ ...filter, q: e.target.value, page: 1 }, 'replace')}
        />
        <GradeField grade={filter.grade} onGrade={(grade) => onChange({ ...filter, grade, page: 1 }, 'replace')} />
        <Facet legend="Job series" name="series" values={facets.series} selected={selected.series} onToggle={onToggle} />
        <Facet
          legend="Career level"
          name="level"
          values={facets.level}
          selected={selected.level}
          onToggle={toggleLevel}
          note={
            byGrade && filter.grade !== null
              ? `${byGrade} is ticked by GS grade ${filter.grade}${filter.grade < 7 ? ' (the nearest level)' : ''}; unticking it clears the grade.`
              : undefined
          }
        />
        <Facet legend="Competency group" name="group" values={facets.group} selected={selected.group} onToggle={onToggle} />
        <Facet
          legend="Competency"
          name="competency"
          values={facets.competency}
          selected={selected.competency}
          onToggle={onToggle}
          fold={{ ...competencyFold, plural: 'competencies', singular: 'competency' }}
        />
        {signedIn ? (
          <fieldset className="usa-fieldset facet">
            <legend className="usa-legend facet-legend">My plan</legend>
            <div className="usa-checkbox">
              <input
                className="usa-checkbox__input"
                id="bookmarked"
                type="checkbox"
                name="bookmarked"
                value="1"
                checked={filter.bookmarked}
                onChange={(e) => onChange({ ...filter, bookmarked: e.target.checked, page: 1 })}
              />
              <label className="usa-checkbox__label" htmlFor="bookmarked">
                Only cards in my plan ({bookmarkCount})
              </label>
            </div>
          </fieldset>
        ) : null}
        <button type="submit" className="usa-button filters-apply">
          {live ? `Show ${total === 1 ? '1 result' : `${total} results`}` : 'Apply filters'}
        </button>
      </form>
    </details>
  );
}
