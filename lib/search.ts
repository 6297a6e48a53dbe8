import MiniSearch from 'minisearch';
import type { CardSummary } from './cards/summary';

/**
 * Full-text search over the cards, shared by the server (no-JavaScript dashboard, open data) and
 * the browser, so both rank the same way. Competency names weigh most, then the body text.
 */
export type CardSearch = (query: string) => Map<string, number>;

export function createCardSearch(cards: readonly CardSummary[]): CardSearch {
  const index = new MiniSearch<CardSummary>({
    idField: 'url',
    fields: ['competency', 'title', 'text'],
    storeFields: [],
    searchOptions: {
      boost: { competency: 3, title: 1.5, text: 1 },
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 5 ? 0.15 : false),
      combineWith: 'AND',
    },
  });
  index.addAll(cards);
  return (query) => {
    const scores = new Map<string, number>();
    const trimmed = query.trim();
    if (!trimmed) return scores;
    for (const result of index.search(trimmed)) scores.set(String(result.id), result.score);
    return scores;
  };
}
