import { decodeHTML } from 'entities';

/** Decodes HTML entities (`&#58;`, `&amp;`, `&rsquo;` …) the way a browser would in text. */
export function decodeEntities(value: string): string {
  return decodeHTML(value);
}

/** Collapses runs of white space (including raw newlines) into single spaces and trims. */
export function cleanText(value: string): string {
  return value.replace(/\s+/gu, ' ').trim();
}

/** Decodes entities, then cleans white space. */
export function plainText(value: string): string {
  return cleanText(decodeEntities(value));
}

/**
 * Splits one of the front matter's `?`-separated lists into items.
 *
 * CFO.gov has written these lists in several ways: `" ? "` between every item (older cards),
 * `" ?  "` between proficiency levels with two spaces between the items of one level (newest),
 * a trailing `" ?"`, and stray `?` glued to a word (`satisfaction ?Implements`). This returns
 * the flat list of items; see {@link splitLevelChunks} for the per-level grouping.
 */
export function splitQuestionList(value: string | null | undefined): string[] {
  if (!value) return [];
  return splitLevelChunks(value).flat();
}

/**
 * Splits a `?`-separated list into chunks (one per `?`), and each chunk into items at runs of two
 * or more spaces. Empty chunks and items are dropped.
 */
export function splitLevelChunks(value: string | null | undefined): string[][] {
  if (!value) return [];
  return decodeEntities(value)
    .split('?')
    .map((chunk) =>
      chunk
        .split(/\s{2,}|\n/u)
        .map(cleanText)
        .filter((item) => item.length > 0),
    )
    .filter((items) => items.length > 0);
}

/** Keeps the first occurrence of each item (CFO.gov's cards repeat items and courses). */
export function unique<T>(items: readonly T[], key: (item: T) => string = String): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}

/** A URL-safe slug: `Budget Formulation, Justification, and Presentation` → `Budget-Formulation-Justification-and-Presentation`. */
export function slugify(value: string): string {
  return decodeEntities(value)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[^A-Za-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
}
