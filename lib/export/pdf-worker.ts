/**
 * The PDF renderer's worker thread (bundled to dist/pdf-worker.mjs by scripts/build-server.mjs):
 * renders one export per message, off the thread that answers requests (ADR 0011).
 */
import { parentPort } from 'node:worker_threads';
import { cardsToPdf, planToPdf } from './pdf';
import type { PdfJob } from './pdf-pool';

if (!parentPort) throw new Error('pdf-worker runs as a worker thread');
const port = parentPort;

port.on('message', async (message: { id: number; job: PdfJob }) => {
  try {
    const pdf = message.job.kind === 'cards' ? await cardsToPdf(message.job.cards) : await planToPdf(message.job.plan, message.job.exportedOn);
    const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice();
    port.postMessage({ id: message.id, ok: true, bytes }, [bytes.buffer]);
  } catch (error) {
    port.postMessage({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
