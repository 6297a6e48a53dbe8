/**
 * What the browser tests' server holds: the fixture content of test/fixtures/site (built with
 * CONTENT_DIR into .next-e2e). Expectations are computed from it, so that no test depends on
 * the cards content/ holds.
 */
import type { Card } from '../../lib/cards/card';
import { fixtureCards } from '../support/cards';

export const FIXTURE: readonly Card[] = fixtureCards();

/** The two seed cards the project started from. */
export const MID = '/cards/510-Customer-Service-Mid';
export const SENIOR = '/cards/510-Customer-Service-Senior';

export function count(match: (card: Card) => boolean): number {
  return FIXTURE.filter(match).length;
}

/** `1 card` / `3 cards`, as the dashboard says it. */
export function cardsText(n: number): string {
  return n === 1 ? '1 card' : `${n} cards`;
}
