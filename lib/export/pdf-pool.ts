/**
 * PDFs are rendered off the request thread, in a small pool of worker threads sized to the machine
 * (one fewer than its cores, at least one): a 500-card PDF takes about a second of CPU, and a card
 * page must stay fast while exports run. At most QUEUE_PER_WORKER renders wait per worker; beyond
 * that a request gets a 503 with Retry-After. A render that runs past the time limit is stopped
 * (its worker replaced) and answered with a 503 too. ADR 0011.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PlanExport } from './csv';
import type { ExportCard } from './fields';
import { busy } from '../http/errors';

export type PdfJob = { kind: 'cards'; cards: readonly ExportCard[] } | { kind: 'plan'; plan: PlanExport; exportedOn: Date };

type Reply = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; error: string };

const POOL_SIZE = Math.max(1, Math.min(4, availableParallelism() - 1));
const QUEUE_PER_WORKER = 4;
const RENDER_TIMEOUT_MS = 60_000;

interface Task {
  readonly id: number;
  readonly job: PdfJob;
  readonly resolve: (bytes: Uint8Array) => void;
  readonly reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer: ReturnType<typeof setTimeout> | null;
}

export class PdfPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly script: string,
    private readonly size = POOL_SIZE,
    private readonly maxQueue = size * QUEUE_PER_WORKER,
    private readonly timeoutMs = RENDER_TIMEOUT_MS,
  ) {}

  /** Renders a PDF in a worker; a 503 (HttpError) when the pool is full. */
  render(job: PdfJob): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(busy(5, 'shutting down'));
    if (this.queue.length >= this.maxQueue) return Promise.reject(busy(10, 'making other PDFs'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.dispatch();
    });
  }

  /** Renders waiting and running now. */
  get load(): { running: number; waiting: number } {
    return { running: this.slots.filter((s) => s.task).length, waiting: this.queue.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(busy(5, 'shutting down'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.task);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.timer = setTimeout(() => this.fail(slot!, busy(30, 'with a very large PDF')), this.timeoutMs);
      slot.worker.postMessage({ id: task.id, job: task.job });
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.script), task: null, timer: null };
    slot.worker.unref();
    slot.worker.on('message', (reply: Reply) => {
      const task = slot.task;
      if (!task || task.id !== reply.id) return;
      this.settle(slot);
      if (reply.ok) task.resolve(reply.bytes);
      else task.reject(new Error(`PDF rendering failed: ${reply.error}`));
      this.dispatch();
    });
    slot.worker.on('error', (error) => this.fail(slot, error));
    slot.worker.on('exit', () => {
      if (slot.task) this.fail(slot, new Error('the PDF worker stopped'));
    });
    this.slots.push(slot);
    return slot;
  }

  private settle(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
  }

  /** Ends the slot's task with an error and replaces its worker. */
  private fail(slot: Slot, error: unknown): void {
    const task = slot.task;
    this.settle(slot);
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    void slot.worker.terminate();
    task?.reject(error);
    if (!this.closed) this.dispatch();
  }
}

// One pool per process, even when Next loads this module in several bundles.
const KEY = Symbol.for('fm-portal.pdf-pool');
const holder = globalThis as typeof globalThis & { [KEY]?: PdfPool };

/** The process's pool (dist/pdf-worker.mjs, built with the server). */
export function pdfPool(): PdfPool {
  holder[KEY] ??= new PdfPool(path.join(process.cwd(), 'dist/pdf-worker.mjs'));
  return holder[KEY];
}
