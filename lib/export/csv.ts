/**
 * CSV exports: RFC 4180 (csv-stringify: CRLF rows, quoted where needed), UTF-8 with a byte-order
 * mark, and cells that cannot run as spreadsheet formulas.
 */
import { stringify } from 'csv-stringify/sync';
import type { Card } from '../cards/card';
import { cardRecord } from './fields';

/** Spreadsheet programs read a UTF-8 file as UTF-8 only with this mark. */
export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/u;

/**
 * OWASP's advice on CSV injection: a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is prefixed with a single quote, so a spreadsheet shows it as text instead of evaluating it.
 * (Quoting the cell, which the writer does for any cell with a quote, comma or line break, keeps the
 * cell boundaries intact.)
 */
export function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export const CARD_COLUMNS = [
  'Series code',
  'Series title',
  'Career level',
  'GS range',
  'Competency group',
  'Functional designation',
  'Competency',
  'Description',
  'Proficiency levels',
  'Behaviors',
  'Proficiency definitions',
  'Courses',
  'Permalink',
] as const;

/** Lists in one cell are one item per line (a line break inside a quoted cell is RFC 4180). */
const lines = (items: readonly string[]) => items.join('\n');

export function cardCells(card: Card): string[] {
  const r = cardRecord(card);
  return [
    r.seriesCode,
    r.seriesTitle,
    r.careerLevel,
    r.gsRange,
    r.group,
    r.designation,
    r.competency,
    r.description,
    lines(r.proficiencyLevels),
    lines(r.behaviors),
    lines(r.definitions),
    lines(r.courses),
    r.permalink,
  ];
}

/** Writes rows (the first is the header) as an RFC 4180 document with a BOM. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return BOM + stringify(rows.map((row) => row.map(safeCell)), { record_delimiter: '\r\n', quoted_match: /[\r\n]/u });
}

export function cardsToCsv(cards: readonly Card[]): string {
  return toCsv([[...CARD_COLUMNS], ...cards.map(cardCells)]);
}

export const PLAN_COLUMNS = ['Your GS grade', 'Status', 'Saved on', 'Card title', ...CARD_COLUMNS] as const;

export interface PlanExportItem {
  /** Null when the card is no longer published (the row keeps what the bookmark remembers). */
  readonly card: Card | null;
  readonly title: string;
  readonly permalink: string;
  readonly competency: string;
  readonly statusLabel: string;
  readonly savedOn: Date;
}

export interface PlanExport {
  readonly grade: number | null;
  readonly items: readonly PlanExportItem[];
}

/** yyyy-mm-dd (UTC): what a spreadsheet reads as a date in every locale. */
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

export function planToCsv(plan: PlanExport): string {
  const grade = plan.grade === null ? 'not set' : `GS ${plan.grade}`;
  const rows = plan.items.map((item) => {
    const cells = item.card
      ? cardCells(item.card)
      : [...Array<string>(CARD_COLUMNS.length - 1).fill(''), item.permalink].map((v, i) => (i === 6 ? item.competency : v));
    return [grade, item.statusLabel, isoDate(item.savedOn), item.title, ...cells];
  });
  return toCsv([[...PLAN_COLUMNS], ...rows]);
}
