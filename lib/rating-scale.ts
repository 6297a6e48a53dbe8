/**
 * The 1–5 scale a rating form shows for one competency, in the cards' own words: for each level,
 * the definitions and behaviors of the card that describes it (a series has an Entry card for
 * levels 1–2, a Mid card for 3–4, a Senior card for 5, say). A level no card describes gets OPM's
 * general meaning. Pure: the card page (static) and the rating page both use it.
 */
import type { Card } from './cards/card';
import { PROFICIENCY_LEVELS, type ProficiencyNumber } from './cards/domain';

/** What the five proficiency levels mean in general (OPM's scale, as the cards' definitions word it). */
export const GENERAL_MEANING: Record<ProficiencyNumber, string> = {
  1: 'Applies the competency in the simplest situations, with close and extensive guidance.',
  2: 'Applies it in somewhat difficult situations, with frequent guidance.',
  3: 'Applies it in difficult situations, with occasional guidance.',
  4: 'Applies it in considerably difficult situations, with little or no guidance.',
  5: 'Applies it in exceptionally difficult situations and advises others.',
};

export interface ScaleLevel {
  readonly level: ProficiencyNumber;
  readonly name: string;
  readonly definitions: readonly string[];
  readonly behaviors: readonly string[];
  /** The card whose words these are; null for the general meaning. */
  readonly from: { readonly title: string; readonly url: string } | null;
}

const LEVELS = [1, 2, 3, 4, 5] as const;

/** The scale from these cards (the first card that describes a level gives its words). */
export function ratingScale(cards: readonly Card[]): ScaleLevel[] {
  return LEVELS.map((level): ScaleLevel => {
    for (const card of cards) {
      const group = card.levels.find((l) => l.level === level);
      if (group && (group.definitions.length > 0 || group.behaviors.length > 0)) {
        return {
          level,
          name: PROFICIENCY_LEVELS[level],
          definitions: group.definitions,
          behaviors: group.behaviors,
          from: { title: card.title, url: card.url },
        };
      }
    }
    return { level, name: PROFICIENCY_LEVELS[level], definitions: [GENERAL_MEANING[level]], behaviors: [], from: null };
  });
}
