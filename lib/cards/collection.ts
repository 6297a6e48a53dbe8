import type { Card } from './card';
import { CARDS_PREFIX, LEGACY_PREFIX, slugAtLegacy, urlOfSlug } from './identity';
import type { Problem } from './problems';

export interface Located {
  readonly card: Card;
  /** Where problems about this card point: file and line of its permalink. */
  readonly file: string;
  readonly permalinkLine: number;
}

export interface Collection {
  /** Every card, each with its final `slug` and `url`, sorted by series, competency, career level. */
  readonly cards: Card[];
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
 * - A `/cardsNew/<segment>` card is served at `/cards/<segment>` (and `/cardsNew/<segment>` leads
 *   there), with one warning saying so.
 * - When a `/cards/<segment>` card already holds that page (CFO.gov kept both generations of a
 *   card), the `/cardsNew/` card stays at its own permalink, exactly as written, with one warning
 *   saying that instead: both pages exist and neither overwrites the other (ADR 0003).
 */
export function buildCollection(items: readonly Located[]): Collection {
  const problems: Problem[] = [];
  const report = (item: Located, message: string, severity: Problem['severity'] = 'error') =>
    problems.push({ file: item.file, line: item.permalinkLine, field: 'permalink', message, severity });

  const byPermalink = new Map<string, Located>();
  const accepted: Located[] = [];
  const rejected = new Set<Located>();
  for (const item of items) {
    const prefix = item.card.permalink.split('/')[1];
    if (prefix !== CARDS_PREFIX && prefix !== LEGACY_PREFIX) {
      report(item, `"${item.card.permalink}" must start with /${CARDS_PREFIX}/ (or CFO.gov's /${LEGACY_PREFIX}/)`);
      continue;
    }
    const key = item.card.permalink.toLowerCase();
    const other = byPermalink.get(key);
    if (other) {
      report(item, `"${item.card.permalink}" is also the permalink of ${other.file}`);
      report(other, `"${other.card.permalink}" is also the permalink of ${item.file}`);
      rejected.add(item).add(other);
      continue;
    }
    byPermalink.set(key, item);
    accepted.push(item);
  }

  const pageOwner = new Map<string, Located>();
  for (const item of accepted) {
    if (!rejected.has(item) && item.card.permalink.startsWith(`/${CARDS_PREFIX}/`)) pageOwner.set(item.card.slug.toLowerCase(), item);
  }
  const cards: Card[] = [];
  for (const item of accepted) {
    if (rejected.has(item)) continue;
    const { card } = item;
    if (card.permalink.startsWith(`/${CARDS_PREFIX}/`)) {
      cards.push(card);
      continue;
    }
    const segment = card.slug;
    const owner = pageOwner.get(segment.toLowerCase());
    if (owner) {
      const slug = slugAtLegacy(segment);
      report(item, `/${CARDS_PREFIX}/${segment} is already the page of ${owner.file}, so this card stays at its own permalink ${card.permalink}`, 'warning');
      cards.push({ ...card, slug, url: urlOfSlug(slug) });
      continue;
    }
    pageOwner.set(segment.toLowerCase(), item);
    report(item, `CFO.gov's /${LEGACY_PREFIX}/ prefix: this card is served at /${CARDS_PREFIX}/${segment}, and ${card.permalink} leads there`, 'warning');
    cards.push(card);
  }
  // Slugs that differ only in case would be two files for one page on a case-insensitive disk.
  const seenUrl = new Map<string, Card>();
  for (const card of cards) {
    const other = seenUrl.get(card.url.toLowerCase());
    if (other && other !== card) {
      problems.push({
        file: card.sourcePath,
        line: 1,
        field: 'permalink',
        message: `"${card.url}" differs only in letter case from the page of ${other.sourcePath}`,
        severity: 'error',
      });
    }
    seenUrl.set(card.url.toLowerCase(), card);
  }
  cards.sort(compareCards);
  return { cards, problems };
}
