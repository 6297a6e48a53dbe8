import { CAREER_LEVEL_GS, isCareerLevel, isSeriesCode, type CareerLevel, type GsRange, type SeriesCode } from './domain';
import { plainText, slugify } from './text';

/** `510`, `"0510"`, `"0510 Accounting"` → `0510`; null when it names no known series. */
export function seriesCodeOf(value: string | number): SeriesCode | null {
  const match = /^\s*0?(\d{3})\b/u.exec(String(value));
  if (!match) return null;
  const code = `0${match[1]}`;
  return isSeriesCode(code) ? code : null;
}

export interface ParsedLevel {
  readonly careerLevel: CareerLevel | null;
  readonly gs: GsRange;
}

/**
 * Reads the `level` field: `"10-13"`, `"7-9"`, `"Senior&#58; (14-15)"`, `"GS 7-9"`, `"GS-14-15"`.
 * Returns null when no GS range can be read, or the range is not within GS 1–15.
 */
export function parseGsLevel(value: string | number): ParsedLevel | null {
  const text = plainText(String(value));
  const match = /(\d{1,2})\s*[-\u2013\u2014]\s*(\d{1,2})/u.exec(text) ?? /^\s*(?:GS[-\s]*)?(\d{1,2})\s*$/iu.exec(text);
  if (!match) return null;
  const min = Number(match[1]);
  const max = Number(match[2] ?? match[1]);
  if (min < 1 || max > 15 || min > max) return null;
  const named = /\b(Entry|Mid|Senior)\b/iu.exec(text)?.[1];
  const careerLevel = named ? normaliseCareerLevel(named) : careerLevelOfRange({ min, max });
  return { careerLevel, gs: { min, max } };
}

export function normaliseCareerLevel(value: string): CareerLevel | null {
  const cleaned = plainText(value);
  const cased = cleaned.charAt(0).toUpperCase() + cleaned.slice(1).toLowerCase();
  return isCareerLevel(cased) ? cased : null;
}

/** The career level whose GS range is exactly this one, if any. */
function careerLevelOfRange(range: GsRange): CareerLevel | null {
  for (const [level, gs] of Object.entries(CAREER_LEVEL_GS)) {
    if (gs.min === range.min && gs.max === range.max && isCareerLevel(level)) return level;
  }
  return null;
}

export interface PermalinkParts {
  /** The last path segment: the card's route at `/cards/<slug>`. */
  readonly slug: string;
  /** The permalink as written, without a trailing slash. */
  readonly path: string;
  /** The first segment: `cards`, or `cardsNew` for CFO.gov's newest generation. */
  readonly prefix: string;
}

/** `/cards/510-Customer-Service-Mid`, `/cardsNew/…`, a trailing slash → its parts; null if unusable. */
export function parsePermalink(value: string): PermalinkParts | null {
  const path = value.trim().replace(/\/+$/u, '');
  const match = /^\/([A-Za-z][A-Za-z0-9_-]*)\/([A-Za-z0-9][A-Za-z0-9._~-]*)$/u.exec(path);
  if (!match?.[1] || !match[2]) return null;
  return { slug: match[2], path, prefix: match[1] };
}

export function competencySlug(competency: string): string {
  return slugify(competency);
}
