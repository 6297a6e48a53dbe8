import type { Card } from './card';
import type { Problem } from './problems';

/** The permalink prefixes the portal serves: its own, and CFO.gov's newest generation's. */
export const CANONICAL_PREFIX = 'cards';
export const LEGACY_PREFIX = 'cardsNew';

export interface Located {
  readonly card: Card;
  /** Where problems about this card point: file and line of its permalink. */
  readonly file: string;
  readonly permalinkLine: number;
}

export interface Collection {
  /** Every card, each with its final `url`, sorted by series, competency, career level. */
  readonly cards: Card[];
  /** `/cardsNew/<slug>` paths that answer with a permanent redirect to the card's page. */
  readonly redirects: { source: string; destination: string }[];
  readonly problems: Problem[];
}

const LEVEL_ORDER = { Entry: 0, Mid: 1, Senior: 2 } as const;

type Sortable = Pick<Card, 'seriesCode' | 'competency' | 'careerLevel' | 'url'>;

/** List order, everywhere: series, competency, career level (then URL, for two generations). */
export function compareCards(a: Sortable, b: Sortable): number {
  return (
    a.seriesCode.localeCompare(b.seriesCode) ||
    a.competency.localeCompare(b.competency, 'en') ||
    LEVEL_ORDER[a.careerLevel] - LEVEL_ORDER[b.careerLevel] ||
    a.url.localeCompare(b.url)
  );
}

/**
 * Decides where every card is served and rejects cards that claim the same page.
 *
 * - Two cards with the same permalink, or the same `/cards/` slug, are an error naming both files.
 * - A `/cardsNew/<slug>` card is served at `/cards/<slug>`, and its own path redirects there.
 * - When a `/cards/<slug>` card already holds that page (CFO.gov kept both generations of a card),
 *   the `/cardsNew/` card stays at its own permalink, exactly as written, with a warning: both
 *   pages exist and neither overwrites the other (ADR 0003).
 */
export function buildCollection(items: readonly Located[]): Collection {
  const problems: Problem[] = [];
  const error = (item: Located, message: string, severity: Problem['severity'] = 'error') =>
    problems.push({ file: item.file, line: item.permalinkLine, field: 'permalink', message, severity });

  const byPermalink = new Map<string, Located>();
  const accepted: Located[] = [];
  for (const item of items) {
    const prefix = item.card.permalink.split('/')[1];
    if (prefix !== CANONICAL_PREFIX && prefix !== LEGACY_PREFIX) {
      error(item, `"${item.card.permalink}" must start with /${CANONICAL_PREFIX}/ (or CFO.gov's /${LEGACY_PREFIX}/)`);
      continue;
    }
    const key = item.card.permalink.toLowerCase();
    const other = byPermalink.get(key);
    if (other) {
      error(item, `"${item.card.permalink}" is also the permalink of ${other.file}`);
      error(other, `"${other.card.permalink}" is also the permalink of ${item.file}`);
      continue;
    }
    byPermalink.set(key, item);
    accepted.push(item);
  }

  const pageOwner = new Map<string, Located>();
  for (const item of accepted.filter((i) => i.card.permalink.startsWith(`/${CANONICAL_PREFIX}/`))) {
    pageOwner.set(item.card.slug.toLowerCase(), item);
  }
  const cards: Card[] = [];
  const redirects: Collection['redirects'] = [];
  const duplicated = new Set<Located>(problems.length ? items.filter((i) => problems.some((p) => p.file === i.file)) : []);
  for (const item of accepted) {
    if (duplicated.has(item)) continue;
    const { card } = item;
    if (card.permalink.startsWith(`/${CANONICAL_PREFIX}/`)) {
      cards.push(card);
      continue;
    }
    const slugKey = card.slug.toLowerCase();
    const owner = pageOwner.get(slugKey);
    if (owner) {
      error(item, `/cards/${card.slug} is already the page of ${owner.file}; this card is served at its own permalink ${card.permalink}`, 'warning');
      cards.push({ ...card, url: card.permalink });
      continue;
    }
    pageOwner.set(slugKey, item);
    cards.push({ ...card, url: `/${CANONICAL_PREFIX}/${card.slug}` });
    redirects.push({ source: card.permalink, destination: `/${CANONICAL_PREFIX}/${card.slug}` });
  }
  // Slugs that differ only in case would be two files for one page on a case-insensitive disk.
  const seenUrl = new Map<string, Card>();
  for (const card of cards) {
    const other = seenUrl.get(card.url.toLowerCase());
    if (other && other !== card) {
      problems.push({ file: card.sourcePath, line: 1, field: 'permalink', message: `"${card.url}" differs only in letter case from the page of ${other.sourcePath}`, severity: 'error' });
    }
    seenUrl.set(card.url.toLowerCase(), card);
  }
  cards.sort(compareCards);
  return { cards, redirects, problems };
}
