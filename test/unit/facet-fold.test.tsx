import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Facet } from '@/components/dashboard/Facet';
import type { CardSummary } from '@/lib/cards/summary';
import { dashboardFor, FACET_FOLD_AT, FACET_PREVIEW, facetPreview, foldFacets } from '@/lib/dashboard';
import { competencyIndex, parseFilter, sortSummaries, type FacetValue } from '@/lib/filters';

/** `n` competencies; competency i has i % 5 + 1 cards (so the counts differ), all Mid cards of 0510. */
function catalogue(n: number): CardSummary[] {
  const cards: CardSummary[] = [];
  for (let i = 0; i < n; i++) {
    const competency = `Competency ${String(i).padStart(3, '0')}`;
    const slug = competency.replace(/\W+/gu, '-');
    for (let k = 0; k <= i % 5; k++) {
      const series = (['0501', '0510', '0511', '0560'] as const)[k % 4]!;
      const level = k < 4 ? 'Mid' : 'Senior';
      const permalink = `/cards/${series.slice(1)}-${slug}-${level}`;
      cards.push({
        slug: permalink.slice(7),
        url: permalink,
        permalink,
        title: `${series} ${level} ${competency}`,
        seriesCode: series,
        seriesTitle: 'T',
        careerLevel: level,
        gsLabel: 'GS',
        group: 'Primary',
        competency,
        competencySlug: slug,
        text: '',
      });
    }
  }
  return sortSummaries(cards);
}

const values = (n: number, chosen: number[] = []): FacetValue[] =>
  Array.from({ length: n }, (_, i) => ({ value: `c${i}`, label: `C ${i}`, count: (i % 5) + 1, selected: chosen.includes(i) }));

describe('a long facet folds to a preview', () => {
  it('a facet of up to FACET_FOLD_AT values is shown whole', () => {
    const list = values(FACET_FOLD_AT);
    expect(facetPreview(list)).toEqual(list);
  });

  it('a longer one lists its values with the most cards (ties in list order), in list order, plus every chosen one', () => {
    const list = values(FACET_FOLD_AT * 4, [0, 1]);
    const shown = facetPreview(list);
    // Counts are 1..5 by i % 5: the top FACET_PREVIEW are the count-5 values, first in list order.
    const top = list.filter((v) => v.count === 5).slice(0, FACET_PREVIEW);
    expect(shown.map((v) => v.value)).toEqual(['c0', 'c1', ...top.map((v) => v.value)]);
    // A value chosen now (its count may lag a frame behind) is listed too.
    expect(facetPreview(list, new Set(['c2'])).map((v) => v.value)).toContain('c2');
  });

  it('a value with no card is never in the preview unless chosen', () => {
    const list = values(FACET_FOLD_AT * 2).map((v, i) => ({ ...v, count: i < 3 ? 1 : 0 }));
    expect(facetPreview(list).map((v) => v.value)).toEqual(['c0', 'c1', 'c2']);
  });

  it('a server page sends the preview and the facet’s size; more=competency sends it whole', () => {
    const cards = catalogue(FACET_FOLD_AT * 3);
    const full = dashboardFor(new URLSearchParams(), cards);
    expect(full.facets.competency).toHaveLength(FACET_FOLD_AT * 3);
    const folded = foldFacets(full, new URLSearchParams());
    expect(folded.facets.competency).toHaveLength(FACET_PREVIEW);
    expect(folded.folded).toEqual({ competency: FACET_FOLD_AT * 3, open: false });
    // The other facets and the results are untouched.
    expect(folded.facets.series).toEqual(full.facets.series);
    expect(folded.rows).toEqual(full.rows);

    const chosen = full.facets.competency[0]!.value;
    const withChoice = dashboardFor(new URLSearchParams({ competency: chosen }), cards);
    expect(foldFacets(withChoice, new URLSearchParams({ competency: chosen })).facets.competency.map((v) => v.value)).toContain(chosen);

    const open = foldFacets(full, new URLSearchParams('more=competency'));
    expect(open.facets.competency).toHaveLength(FACET_FOLD_AT * 3);
    expect(open.folded?.open).toBe(true);
  });

  it('“more” is a dashboard switch: competency is understood, anything else gets a notice, and it filters nothing', () => {
    const cards = catalogue(30);
    const comps = competencyIndex(cards);
    expect(parseFilter(new URLSearchParams('more=competency'), comps).notices).toEqual([]);
    expect(parseFilter(new URLSearchParams('more=series'), comps).notices.map((n) => n.param)).toEqual(['more']);
    expect(dashboardFor(new URLSearchParams('more=competency'), cards).total).toBe(cards.length);
  });
});

describe('the folded facet without JavaScript', () => {
  const noop = () => undefined;
  const render = (list: FacetValue[], open: boolean, live = false) =>
    renderToStaticMarkup(
      <Facet
        legend="Competency"
        name="competency"
        values={list}
        selected={new Set(list.filter((v) => v.selected).map((v) => v.value))}
        onToggle={noop}
        fold={{ size: FACET_FOLD_AT * 4, open, live, onOpen: noop, plural: 'competencies', singular: 'competency' }}
      />,
    );
  const boxes = (html: string) => html.match(/type="checkbox"/gu)?.length ?? 0;
  /** The one button's opening tag and its text. */
  const button = (html: string) => {
    const all = [...html.matchAll(/<button([^>]*)>([^<]*)<\/button>/gu)];
    expect(all).toHaveLength(1);
    return { tag: all[0]![1]!, text: all[0]![2]! };
  };

  it('folded: the preview’s checkboxes and a submit button that asks the server for all of them', () => {
    const html = render(values(FACET_FOLD_AT * 4), false);
    expect(boxes(html)).toBe(FACET_PREVIEW);
    const b = button(html);
    expect(b.text).toBe('Show all 96 competencies');
    for (const attribute of ['type="submit"', 'name="more"', 'value="competency"', 'aria-expanded="false"']) expect(b.tag).toContain(attribute);
  });

  it('open (more=competency): every value and a button that applies the form and folds the list again', () => {
    const html = render(values(FACET_FOLD_AT * 4), true);
    expect(boxes(html)).toBe(FACET_FOLD_AT * 4);
    const b = button(html);
    expect(b.text).toBe('Show fewer competencies');
    for (const attribute of ['type="submit"', 'aria-expanded="true"']) expect(b.tag).toContain(attribute);
    expect(html).not.toContain('name="more"');
    // The find box needs the card data (it narrows the whole list in the browser).
    expect(html).not.toContain('Find a competency');
    expect(render(values(FACET_FOLD_AT * 4), true, true)).toContain('Find a competency');
  });

  it('open before the card data has arrived: says the rest is loading', () => {
    expect(render(values(FACET_PREVIEW), true)).toContain('Loading all 96 competencies');
  });

  it('a short facet has no button', () => {
    const html = renderToStaticMarkup(
      <Facet
        legend="Competency"
        name="competency"
        values={values(5)}
        selected={new Set()}
        onToggle={noop}
        fold={{ size: 5, open: false, live: false, onOpen: noop, plural: 'competencies', singular: 'competency' }}
      />,
    );
    expect(boxes(html)).toBe(5);
    expect(html).not.toContain('<button');
  });
});
