import { z } from 'zod';
import { cardFromData } from '../cards/card';
import { COMPETENCY_GROUPS, isProficiencyNumber, type CareerLevel, type ProficiencyNumber } from '../cards/domain';
import { normaliseCareerLevel, seriesCodeOf } from '../cards/derive';
import { readFrontMatter, FrontMatterError } from '../cards/frontmatter';
import { formatProblem } from '../cards/problems';
import { permalinkFor } from '../cards/identity';
import { renderCard, renderCardFile, type CardSource } from './render';

/** One card the importer would write, or a source it skipped and why. */
export type ImportItem =
  | { readonly kind: 'card'; readonly file: string; readonly text: string; readonly source: string; readonly rank: number }
  | { readonly kind: 'skip'; readonly source: string; readonly reason: string };

/** Keys older CFO.gov generator scripts wrote, and the key the seed format uses. */
const RENAMED_KEYS: Record<string, string> = {
  behavioral_illustrations: 'behavior_illustrations',
  compentency_description: 'competency_description',
  proficiency_level: 'proficiency_level_definition',
};

function isNan(value: unknown): boolean {
  return typeof value === 'string' && value.trim().toLowerCase() === 'nan';
}

/**
 * A Jekyll `_cards/` file of any historic variant → a card file in the seed format. The body and
 * the course items are kept as written (they are what CFO.gov rendered); front-matter keys and
 * values are made canonical: renamed keys, `nan` dropped, a trailing slash or `/cardsNew/` in the
 * permalink made `/cards/<slug>`.
 */
export function importJekyllCard(name: string, text: string): ImportItem {
  let fm;
  try {
    fm = readFrontMatter(text);
  } catch (error) {
    if (error instanceof FrontMatterError) return { kind: 'skip', source: name, reason: `line ${error.line}: ${error.message}` };
    throw error;
  }
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fm.data)) {
    const target = RENAMED_KEYS[key] ?? key;
    if (isNan(value)) continue;
    if (target in data && data[target] !== undefined && target !== key) continue; // the current key wins
    data[target] = value;
  }
  const loaded = cardFromData(name, data, fm.body, name, fm.lines, fm.bodyLine);
  const errors = loaded.problems.filter((p) => p.severity === 'error' && p.field !== 'permalink');
  if (!loaded.card || !loaded.canonical || errors.length > 0) {
    const first = errors[0] ?? loaded.problems[0];
    return { kind: 'skip', source: name, reason: first ? formatProblem(first).replace(`${name}:`, 'line ') : 'not a card' };
  }
  const canonical = { ...loaded.canonical, permalink: `/cards/${loaded.card.slug}` };
  const isNewest = /^\/cardsNew\//u.test(String(fm.data.permalink ?? ''));
  const isDated = /^\d{4}-\d{2}-\d{2}-/u.test(name);
  return {
    kind: 'card',
    file: `cards/${loaded.card.slug}.md`,
    text: renderCardFile(canonical, fm.body),
    source: name,
    rank: (isNewest ? 2 : 0) + (isDated ? 0 : 1),
  };
}

const cardRow = z.object({
  ID: z.union([z.number(), z.string()]),
  'JOB SERIES:': z.union([z.number(), z.string()]),
  'GS LEVEL:': z.string(),
  'TYPE:': z.string(),
  'COMPETENCY:': z.string(),
  DESCRIPTION: z.string(),
  APR: z.union([z.number(), z.string()]).optional(),
  'APPLICABLE PROFICIENCY RATINGS': z.union([z.number(), z.string()]).optional(),
  '': z.union([z.number(), z.string()]).optional(),
  __1: z.union([z.number(), z.string()]).optional(),
  __2: z.union([z.number(), z.string()]).optional(),
});

const descriptionRow = z.object({ competency: z.string() }).catchall(z.unknown());

export interface StructuredSource {
  readonly cards: unknown;
  readonly descriptions: unknown;
}

function levelsOf(values: readonly unknown[]): ProficiencyNumber[] {
  const out = new Set<ProficiencyNumber>();
  for (const value of values) {
    for (const part of String(value ?? '').split(/[,\s]+/u)) {
      const n = Number(part);
      if (part !== '' && isProficiencyNumber(n)) out.add(n);
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** competency_descriptions.json separates items by a newline or a tab (each item is also tab-prefixed). */
function items(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  return text
    .split(/\r?\n|\t/u)
    .map((s) => s.replace(/\s+/gu, ' ').trim())
    .filter(Boolean);
}

/**
 * CFO.gov's structured source → cards: a `cards.json` row plus the per-level descriptions of its
 * applicable proficiency levels. Courses are not written into the cards: the course catalogue
 * (courses.csv, copied beside the cards) is their one source, matched to cards by competency and
 * proficiency level (lib/cards/catalogue.ts).
 */
export function importStructured(source: StructuredSource): ImportItem[] {
  const rows = z.array(z.unknown()).parse(source.cards);
  const descriptions = new Map<string, Record<string, unknown>>();
  for (const d of z.array(z.unknown()).parse(source.descriptions)) {
    const parsed = descriptionRow.safeParse(d);
    if (parsed.success) descriptions.set(parsed.data.competency.trim().toLowerCase(), parsed.data);
  }
  const out: ImportItem[] = [];
  for (const raw of rows) {
    const parsed = cardRow.safeParse(raw);
    const idField = z.object({ ID: z.union([z.number(), z.string()]) }).safeParse(raw);
    const id = idField.success ? String(idField.data.ID) : '?';
    const name = `cards.json row ID ${id}`;
    if (!parsed.success) {
      out.push({ kind: 'skip', source: name, reason: `missing or wrong field: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}` });
      continue;
    }
    const row = parsed.data;
    const seriesCode = seriesCodeOf(row['JOB SERIES:']);
    const careerLevel: CareerLevel | null = normaliseCareerLevel(row['GS LEVEL:'].split(/[\s(]/u)[0] ?? '');
    const group = COMPETENCY_GROUPS.find((g) => g.toLowerCase() === row['TYPE:'].trim().toLowerCase());
    const competency = row['COMPETENCY:'].trim();
    if (!seriesCode || !careerLevel || !group || !competency) {
      out.push({ kind: 'skip', source: name, reason: `unknown series, GS level or type (${row['JOB SERIES:']}, ${row['GS LEVEL:']}, ${row['TYPE:']})` });
      continue;
    }
    const levels = levelsOf([row.APR, row['APPLICABLE PROFICIENCY RATINGS'], row[''], row.__1, row.__2]);
    const description = descriptions.get(competency.toLowerCase());
    if (!description) {
      out.push({ kind: 'skip', source: name, reason: `no proficiency descriptions for "${competency}" in competency_descriptions.json` });
      continue;
    }
    const cardLevels = levels
      .map((level) => ({
        level,
        behaviors: items(description[`behavioral_illustrations_${level}`]),
        definitions: items(description[`proficiency_level_${level}`]),
      }))
      .filter((l) => l.behaviors.length > 0 || l.definitions.length > 0);
    if (cardLevels.length === 0) {
      out.push({ kind: 'skip', source: name, reason: `no descriptions for proficiency levels ${levels.join(', ') || '(none)'} of "${competency}"` });
      continue;
    }
    const card: CardSource = {
      seriesCode,
      careerLevel,
      competency,
      group,
      description: row.DESCRIPTION.trim(),
      levels: cardLevels,
      courses: [],
    };
    const file = `cards/${permalinkFor(card).split('/').pop() ?? id}.md`;
    out.push({ kind: 'card', file, text: renderCard(card), source: name, rank: 0 });
  }
  return out;
}

/**
 * Where two sources give the same card file (CFO.gov kept several generations), the newest wins
 * (`/cardsNew/` over `/cards/`, undated file names over dated ones); the others are skipped,
 * saying which source superseded them.
 */
export function resolveCollisions(items: readonly ImportItem[]): ImportItem[] {
  const winners = new Map<string, Extract<ImportItem, { kind: 'card' }>>();
  for (const item of items) {
    if (item.kind !== 'card') continue;
    const current = winners.get(item.file.toLowerCase());
    if (!current || item.rank > current.rank) winners.set(item.file.toLowerCase(), item);
  }
  return items.map((item) => {
    if (item.kind !== 'card') return item;
    const winner = winners.get(item.file.toLowerCase());
    if (winner === item || !winner) return item;
    return { kind: 'skip', source: item.source, reason: `superseded by ${winner.source} (same series, competency and career level: ${item.file})` };
  });
}
