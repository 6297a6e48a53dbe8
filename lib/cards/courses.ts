import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, Nodes } from 'hast';
import { cleanText, plainText, unique } from './text';

/**
 * A course as a card file lists it in `relevant_courses` (CFO.gov's older cards carry their own
 * list; the course catalogue, lib/cards/catalogue.ts, is the typed source of courses).
 */
export interface ListedCourse {
  /** CFO.gov's running number for the course (`69` in `69 4975: Essentials of …`), when given. */
  readonly number?: number;
  readonly title: string;
  readonly provider?: string;
  /** An absolute http(s) URL; absent when the item has none or only a broken one. */
  readonly url?: string;
  /** True for CFO.gov's "Course Coming Soon" placeholder. */
  readonly comingSoon: boolean;
}

/** Returns the URL when it is an absolute http or https URL, else null (`javascript:`, `Data`, …). */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (!/^https?:\/\//iu.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const LEADING_NUMBER = /^(\d{1,4})\s+(?=\S)/u;
/** A provider written inside the link text is short and has no parentheses: `…, GSU`, `…, Data Society`. */
const TRAILING_PROVIDER = /^(.*\S),\s*([^,()]{2,40})$/u;

function splitNumber(text: string): { number: number | null; rest: string } {
  const match = LEADING_NUMBER.exec(text);
  // "4975: Essentials …" keeps its code: only a number followed by more text than a code is stripped.
  if (!match || /^\d+\s*:/u.test(text)) return { number: null, rest: text };
  return { number: Number(match[1]), rest: text.slice(match[0].length) };
}

function splitProvider(text: string): { title: string; provider: string | null } {
  const match = TRAILING_PROVIDER.exec(text);
  if (!match?.[1] || !match[2]) return { title: text, provider: null };
  return { title: match[1].trim(), provider: match[2].trim() };
}

function firstAnchor(nodes: Nodes[]): Element | null {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    if (node.tagName === 'a') return node;
    const inner = firstAnchor(node.children as Nodes[]);
    if (inner) return inner;
  }
  return null;
}

function textOf(nodes: Nodes[]): string {
  return cleanText(nodes.map((n) => toText(n)).join(''));
}

/**
 * Parses one `relevant_courses` item. Every shape seen on CFO.gov is handled:
 * `<a href="URL" aria-label="…">Title</a>, Provider`; `<a …>Title (CODE), GSU</a>`;
 * `- Title (CODE), GSU, <a href="URL">URL</a>`; `180 Title, Carahsoft, <a …>URL</a>`;
 * plain text; "Course Coming Soon"; and broken fragments (unclosed anchors, `href="Data"`).
 */
export function parseCourse(raw: string): ListedCourse | null {
  const source = raw.replace(/^\s*-\s+/u, '').trim();
  if (!source) return null;
  const tree = fromHtml(source, { fragment: true });
  const children = tree.children as Nodes[];
  const anchor = firstAnchor(children);
  const comingSoon = /^course coming soon\.?$/iu.test(plainText(source.replace(/<[^>]*>/gu, ' ')));

  if (!anchor) {
    const text = textOf(children);
    if (!text) return null;
    const { number, rest } = splitNumber(text);
    const { title, provider } = comingSoon ? { title: rest, provider: null } : splitProvider(rest);
    return listed({ number, title, provider, url: null, comingSoon });
  }

  const index = children.indexOf(anchor);
  const before = index >= 0 ? textOf(children.slice(0, index)).replace(/,\s*$/u, '') : '';
  const after = index >= 0 ? textOf(children.slice(index + 1)).replace(/^,\s*/u, '') : '';
  const href = typeof anchor.properties.href === 'string' ? anchor.properties.href : null;
  const url = safeHttpUrl(href);
  const linkText = textOf(anchor.children as Nodes[]);
  const linkTextIsUrl = /^https?:\/\//iu.test(linkText) || (href !== null && linkText === href);

  let number: number | null;
  let title: string;
  let provider: string | null;
  if (before) {
    // Text first, the link holds the URL: "[N ]Title, Provider, <a>URL</a>".
    const split = splitNumber(before);
    number = split.number;
    ({ title, provider } = splitProvider(split.rest));
    if (!linkTextIsUrl && linkText) title = `${title} ${linkText}`.trim();
  } else {
    // Link text first: CFO.gov never numbers these, so a leading number belongs to the title.
    number = null;
    const text = linkTextIsUrl ? '' : linkText;
    if (after) {
      title = text;
      provider = after;
    } else {
      ({ title, provider } = splitProvider(text));
    }
  }
  if (!title) title = url ?? linkText;
  if (!title) return null;
  return listed({ number, title, provider: provider || null, url, comingSoon });
}

/** Leaves out what an item does not have (the content documents are JSON: no nulls). */
function listed(c: { number: number | null; title: string; provider: string | null; url: string | null; comingSoon: boolean }): ListedCourse {
  return {
    title: c.title,
    comingSoon: c.comingSoon,
    ...(c.number === null ? {} : { number: c.number }),
    ...(c.provider === null ? {} : { provider: c.provider }),
    ...(c.url === null ? {} : { url: c.url }),
  };
}

/** Parses the `relevant_courses` list, dropping empty items and exact repeats. */
export function parseCourses(items: readonly string[] | null | undefined): ListedCourse[] {
  if (!items) return [];
  const courses = items.map(parseCourse).filter((c): c is ListedCourse => c !== null);
  return unique(courses, (c) => `${c.title}\u0000${c.provider ?? ''}\u0000${c.url ?? ''}`);
}
