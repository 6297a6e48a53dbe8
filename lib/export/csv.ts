/**
 * CSV exports: RFC 4180 (csv-stringify: CRLF rows, quoted where needed), UTF-8 with a byte-order
 * mark, and cells that cannot run as spreadsheet formulas.
 */
import { stringify } from 'csv-stringify/sync';
import { cardRecord, type ExportCard } from './fields';

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

/**
 * A code a spreadsheet must keep as text: the series `0510` would otherwise become the number 510.
 * Written as the constant formula `="0510"`, which Excel, LibreOffice and Google Sheets show as the
 * text 0510. Only digits are accepted, so nothing of the content ever becomes a formula.
 */
export class TextCode {
  constructor(readonly digits: string) {
    if (!/^\d{1,10}$/u.test(digits)) throw new RangeError(`not a numeric code: ${digits}`);
  }
}

export type Cell = string | TextCode;

function render(cell: Cell): string {
  return cell instanceof TextCode ? `="${cell.digits}"` : safeCell(cell);
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
// "Permalink" is the card page's absolute address (on the origin the export was asked from).

/** Lists in one cell are one item per line (a line break inside a quoted cell is RFC 4180). */
const lines = (items: readonly string[]) => items.join('\n');

function cardCells(item: ExportCard, origin: string): Cell[] {
  const r = cardRecord(item);
  return [
    new TextCode(r.seriesCode),
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
    `${origin}${item.card.url}`,
  ];
}

/** Writes rows (the first is the header) as an RFC 4180 document with a BOM. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return (
    BOM +
    stringify(
      rows.map((row) => row.map(render)),
      { record_delimiter: '\r\n', quoted_match: /[\r\n]/u },
    )
  );
}

/** `origin`: the site's public origin, for the Permalink column's absolute addresses. */
export function cardsToCsv(cards: readonly ExportCard[], origin: string): string {
  return toCsv([[...CARD_COLUMNS], ...cards.map((c) => cardCells(c, origin))]);
}

export const PLAN_COLUMNS = [
  'Your GS grade',
  'Status',
  'Progress',
  'Your rating',
  'Target level',
  'Gap',
  'Target date',
  'Note',
  'Saved on',
  'Card title',
  ...CARD_COLUMNS,
] as const;

export interface PlanExportItem {
  /** Null when the card is no longer published (the row keeps what the bookmark remembers). */
  readonly card: ExportCard | null;
  readonly title: string;
  readonly permalink: string;
  readonly competency: string;
  readonly statusLabel: string;
  /** Planned, In progress or Done: what the person says. */
  readonly progressLabel: string;
  /** The person's latest rating of the competency, the level their cards ask for, and the gap (lib/gaps.ts); null when unknown. */
  readonly rating: number | null;
  readonly target: number | null;
  readonly gap: number | null;
  readonly note: string | null;
  /** `YYYY-MM-DD`, or null. */
  readonly targetDate: string | null;
  readonly savedOn: Date;
}

export interface PlanExport {
  readonly grade: number | null;
  readonly items: readonly PlanExportItem[];
}

/** yyyy-mm-dd (UTC): what a spreadsheet reads as a date in every locale. */
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

export function planToCsv(plan: PlanExport, origin: string): string {
  const grade = plan.grade === null ? 'not set' : `GS ${plan.grade}`;
  const rows = plan.items.map((item) => {
    const cells: Cell[] = item.card
      ? cardCells(item.card, origin)
      : [...Array<string>(CARD_COLUMNS.length - 1).fill(''), `${origin}${item.permalink}`].map((v, i) => (i === 6 ? item.competency : v));
    const level = (n: number | null) => (n === null ? '' : String(n));
    return [
      grade,
      item.statusLabel,
      item.progressLabel,
      level(item.rating),
      level(item.target),
      level(item.gap),
      item.targetDate ?? '',
      item.note ?? '',
      isoDate(item.savedOn),
      item.title,
      ...cells,
    ];
  });
  return toCsv([[...PLAN_COLUMNS], ...rows]);
}
