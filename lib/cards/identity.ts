/**
 * A card's identity and the names it goes by, converted here and nowhere else.
 *
 * - **identity**: (series, competency, career level): one card per identity on the site.
 * - **permalink**: the path written in the card file (`/cards/510-Customer-Service-Mid`, or CFO.gov's
 *   `/cardsNew/…`); bookmarks remember it.
 * - **slug**: the one key of a card in the API, exports and code: its page's path after `/cards/`
 *   (`510-Customer-Service-Mid`), or `cardsNew/<last segment>` for a card kept at CFO.gov's path
 *   because another card holds the `/cards/` page (ADR 0003).
 * - **url**: where the card's page is served, derived from the slug.
 */
import { competencySlug } from './derive';
import type { CareerLevel, SeriesCode } from './domain';

/** The permalink prefixes the portal serves: its own, and CFO.gov's newest generation's. */
export const CARDS_PREFIX = 'cards';
export const LEGACY_PREFIX = 'cardsNew';

/** The last path segment of a card permalink: `<series>-<Competency-Slug>-<Level>`. */
export const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._~-]*$/u;

export interface CardIdentity {
  readonly seriesCode: SeriesCode;
  readonly competency: string;
  readonly careerLevel: CareerLevel;
}

/** `0510/Customer-Service/Mid`: the same for every generation of one card. */
export function identityKey(card: CardIdentity): string {
  return `${card.seriesCode}/${competencySlug(card.competency)}/${card.careerLevel}`;
}

/** The segment a card of this identity has under `/cards/`: `510-Customer-Service-Mid`. */
export function expectedSegment(card: CardIdentity): string {
  return `${card.seriesCode.replace(/^0/u, '')}-${competencySlug(card.competency)}-${card.careerLevel}`;
}

/** The permalink the portal writes for a card of this identity. */
export function permalinkFor(card: CardIdentity): string {
  return `/${CARDS_PREFIX}/${expectedSegment(card)}`;
}

/** A card kept at CFO.gov's `/cardsNew/<segment>` has the slug `cardsNew/<segment>`. */
export function slugAtLegacy(segment: string): string {
  return `${LEGACY_PREFIX}/${segment}`;
}

/** Where the page of the card with this slug is served. */
export function urlOfSlug(slug: string): string {
  return slug.startsWith(`${LEGACY_PREFIX}/`) ? `/${slug}` : `/${CARDS_PREFIX}/${slug}`;
}

/** The slug of the card served at this page path, or null when the path is not a card page's. */
export function slugOfUrl(url: string): string | null {
  const match = /^\/(cards|cardsNew)\/([^/]+)$/u.exec(url);
  if (!match?.[2] || !SEGMENT.test(match[2])) return null;
  return match[1] === LEGACY_PREFIX ? slugAtLegacy(match[2]) : match[2];
}

/** Is this a well-formed slug (`<segment>` or `cardsNew/<segment>`)? Says nothing of whether a card has it. */
export function isSlug(value: string): boolean {
  const segment = value.startsWith(`${LEGACY_PREFIX}/`) ? value.slice(LEGACY_PREFIX.length + 1) : value;
  return value.length <= 300 && SEGMENT.test(segment);
}

/** The compare page of a card's competency in its series. */
export function compareHref(card: { readonly seriesCode: SeriesCode; readonly competencySlug: string }): string {
  return `/compare/${card.seriesCode}/${card.competencySlug}`;
}
