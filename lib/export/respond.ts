/** The download response of an export. */
import { LOCKED_DOWN_CSP } from '../security';
import { cardsToCsv, planToCsv, type PlanExport } from './csv';
import type { ExportCard } from './fields';
import { pdfPool } from './pdf-pool';
import type { ExportFormat } from './request';

const TYPES: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8; header=present',
};

/** An attachment with an ASCII file name (the only kind every browser reads without RFC 5987). */
export function download(body: string | Uint8Array, format: ExportFormat, name: string): Response {
  const file = `${name.replace(/[^A-Za-z0-9._-]+/gu, '-').slice(0, 100)}.${format}`;
  const data: Uint8Array<ArrayBuffer> = typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(body);
  return new Response(data, {
    headers: {
      'Content-Type': TYPES[format],
      'Content-Disposition': `attachment; filename="${file}"`,
      'Content-Length': String(data.byteLength),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': LOCKED_DOWN_CSP,
    },
  });
}

const today = () => new Date().toISOString().slice(0, 10);

/** `origin`: the public origin, for the CSV's absolute card addresses. PDFs are rendered in the worker pool. */
export async function cardsDownload(format: ExportFormat, cards: readonly ExportCard[], origin: string): Promise<Response> {
  const name = cards.length === 1 ? cards[0]!.card.slug.replace('/', '-') : `fm-competency-cards-${cards.length}-${today()}`;
  return download(format === 'pdf' ? await pdfPool().render({ kind: 'cards', cards }) : cardsToCsv(cards, origin), format, name);
}

export async function planDownload(format: ExportFormat, plan: PlanExport, origin: string): Promise<Response> {
  const body = format === 'pdf' ? await pdfPool().render({ kind: 'plan', plan, exportedOn: new Date() }) : planToCsv(plan, origin);
  return download(body, format, `my-fm-plan-${today()}`);
}
