// A stand-in PDF worker for test/unit/limits.test.ts: answers each job after `delay` ms with a few bytes.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ id, job }) => {
  const delay = job.kind === 'cards' ? (job.cards[0]?.delay ?? 50) : 50;
  setTimeout(() => parentPort.postMessage({ id, ok: true, bytes: new TextEncoder().encode(`%PDF-${id}`) }), delay);
});
