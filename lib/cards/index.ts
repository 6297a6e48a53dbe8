/**
 * The portal's access to cards: the only module that imports Contentlayer's generated data.
 * Each document is normalised by the same code that checked it at build time (lib/cards/card.ts).
 */
import { allCards as documents, type Card as CardDocument } from 'contentlayer/generated';
import { cardFromData, type Card } from './card';
import { buildCollection, type Collection } from './collection';
import { ContentError, type Problem } from './problems';
import { summarise, type CardSummary } from './summary';
import { createCardSearch, type CardSearch } from '../search';

export type { Card, ProficiencyGroup } from './card';
export type { Course } from './courses';
export type { CardSummary } from './summary';

function fieldsOf(doc: CardDocument): Record<string, unknown> {
  const { _id, _raw, type, body, slug, ...fields } = doc;
  void _id;
  void _raw;
  void type;
  void body;
  void slug;
  return fields;
}

let cached: Collection | null = null;

export function collectionFrom(docs: readonly CardDocument[]): Collection {
  const problems: Problem[] = [];
  const located = [];
  for (const doc of docs) {
    const file = `content/${doc._raw.sourceFilePath}`;
    const loaded = cardFromData(file, fieldsOf(doc), doc.body.raw, doc._raw.sourceFilePath.replace(/^cards\//u, ''));
    problems.push(...loaded.problems.filter((p) => p.severity === 'error'));
    if (loaded.card) located.push({ card: loaded.card, file, permalinkLine: loaded.permalinkLine });
  }
  const collection = buildCollection(located);
  const errors = [...problems, ...collection.problems.filter((p) => p.severity === 'error')];
  // The content step has already refused these; reaching here means .content/ is stale.
  if (errors.length > 0) throw new ContentError(errors);
  return collection;
}

function collection(): Collection {
  cached ??= collectionFrom(documents);
  return cached;
}

/** Every card, sorted by series, competency and career level. */
export function getAllCards(): readonly Card[] {
  return collection().cards;
}

/** The card served at this path (`/cards/<slug>` or a `/cardsNew/<slug>` kept at its own path). */
export function getCardByUrl(url: string): Card | undefined {
  return byUrl().get(url);
}

export function getCardBySlug(slug: string): Card | undefined {
  return byUrl().get(`/cards/${slug}`);
}

/** A card by the value that names it in an export: its page's path after `/cards/` (`cardsNew/<slug>` for a card kept there). */
export function getCardByExportKey(key: string): Card | undefined {
  if (key.startsWith('cardsNew/')) return byUrl().get(`/${key}`);
  return key.includes('/') ? undefined : byUrl().get(`/cards/${key}`);
}

let urlIndex: Map<string, Card> | null = null;
function byUrl(): Map<string, Card> {
  urlIndex ??= new Map(getAllCards().map((c) => [c.url, c]));
  return urlIndex;
}

let permalinkIndex: Map<string, Card> | null = null;
/** The card a permalink (as written) or page URL names. */
export function getCardByPath(path: string): Card | undefined {
  permalinkIndex ??= new Map(getAllCards().map((c) => [c.permalink, c]));
  return permalinkIndex.get(path) ?? byUrl().get(path);
}

/** The same competency of the same series at the other career levels (both generations included). */
export function getSiblingLevels(card: Card): Card[] {
  return getAllCards().filter(
    (c) => c !== card && c.seriesCode === card.seriesCode && c.competencySlug === card.competencySlug && c.careerLevel !== card.careerLevel,
  );
}

let competencyGroups: Map<string, Card[]> | null = null;
/** Every card of each series and competency (`<series>/<competency slug>`), for the compare pages. */
export function getCompetencyGroups(): ReadonlyMap<string, readonly Card[]> {
  if (!competencyGroups) {
    competencyGroups = new Map();
    for (const card of getAllCards()) {
      const key = `${card.seriesCode}/${card.competencySlug}`;
      competencyGroups.set(key, [...(competencyGroups.get(key) ?? []), card]);
    }
  }
  return competencyGroups;
}

/** `/cardsNew/<slug>` → `/cards/<slug>`: permanent redirects for CFO.gov's newest permalinks. */
export function getRedirects(): Collection['redirects'] {
  return collection().redirects;
}

let summaries: CardSummary[] | null = null;
/** Every card without its body, in list order: what the dashboard and its browser data use. */
export function getCardSummaries(): readonly CardSummary[] {
  summaries ??= getAllCards().map(summarise);
  return summaries;
}

let search: CardSearch | null = null;
/** The full-text search over all cards, built once per server process. */
export function getCardSearch(): CardSearch {
  search ??= createCardSearch(getCardSummaries());
  return search;
}
