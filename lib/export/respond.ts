/** The download response of an export. */
import type { Card } from '../cards/card';
import { LOCKED_DOWN_CSP } from '../security';
import { cardsToCsv, planToCsv, type PlanExport } from './csv';
import { exportKey } from './fields';
import { cardsToPdf, planToPdf } from './pdf';
import type { ExportFormat } from './request';

const TYPES: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8; header=present',
};

/** An attachment with an ASCII file name (the only kind every browser reads without RFC 5987). */
export function download(body: string | Buffer, format: ExportFormat, name: string): Response {
  const file = `${name.replace(/[^A-Za-z0-9._-]+/gu, '-').slice(0, 100)}.${format}`;
  const data = typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(body);
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

export async function cardsDownload(format: ExportFormat, cards: readonly Card[]): Promise<Response> {
  const name = cards.length === 1 ? exportKey(cards[0]!).replace('/', '-') : `fm-competency-cards-${cards.length}-${today()}`;
  return download(format === 'pdf' ? await cardsToPdf(cards) : cardsToCsv(cards), format, name);
}

export async function planDownload(format: ExportFormat, plan: PlanExport): Promise<Response> {
  return download(format === 'pdf' ? await planToPdf(plan) : planToCsv(plan), format, `my-fm-plan-${today()}`);
}
