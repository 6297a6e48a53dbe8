/**
 * The export benchmark: 500 cards (the most one export holds) to PDF and to CSV, each in a fresh
 * process so its peak RSS is its own. Baseline, same process: JSON.stringify of the same cards
 * (what any API answer costs). `tsx bench/export.ts` prints a JSON summary; `npm run bench`
 * includes it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadCard, type Card } from '../lib/cards/card';
import { generateCards } from '../lib/content/generate';
import { listedOnly } from '../lib/cards/catalogue';
import { cardsToCsv } from '../lib/export/csv';
import { MAX_EXPORT } from '../lib/export/fields';
import { cardsToPdf } from '../lib/export/pdf';
import { root } from './lib';

export interface ExportFigures {
  readonly cards: number;
  readonly ms: number;
  readonly bytes: number;
  /** Peak RSS of the process, and how much the export added to it. */
  readonly peakMb: number;
  readonly addedMb: number;
  readonly jsonBaselineMs: number;
}

function cards(): Card[] {
  return generateCards(MAX_EXPORT, 3).map((g) => {
    const loaded = loadCard(g.file, g.text);
    if (!loaded.card) throw new Error(`${g.file} did not load`);
    return loaded.card;
  });
}

const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function measure(format: 'pdf' | 'csv'): Promise<ExportFigures> {
  const list = cards().map((card) => ({ card, courses: listedOnly(card) }));
  // Warm up on a few cards (fonts loaded, code compiled), as a running server would be.
  if (format === 'pdf') await cardsToPdf(list.slice(0, 3));
  else cardsToCsv(list.slice(0, 3), 'http://127.0.0.1:3000');
  const json0 = performance.now();
  JSON.stringify(list);
  const jsonBaselineMs = performance.now() - json0;
  const before = rssMb();
  const t0 = performance.now();
  const out = format === 'pdf' ? await cardsToPdf(list) : cardsToCsv(list, 'http://127.0.0.1:3000');
  const ms = performance.now() - t0;
  const peakMb = rssMb();
  return {
    cards: list.length,
    ms: Math.round(ms),
    bytes: typeof out === 'string' ? Buffer.byteLength(out) : out.length,
    peakMb,
    addedMb: peakMb - before,
    jsonBaselineMs: +jsonBaselineMs.toFixed(1),
  };
}

/** Runs each format in its own process. */
export function benchExport(): Record<'pdf' | 'csv', ExportFigures> {
  const out = {} as Record<'pdf' | 'csv', ExportFigures>;
  for (const format of ['pdf', 'csv'] as const) {
    const run = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'bench/export.ts'), '--one', format], {
      cwd: root,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`export bench (${format}) failed: ${run.stderr.slice(-2000)}`);
    out[format] = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as ExportFigures;
  }
  return out;
}

const args = process.argv.slice(2);
if (args[0] === '--one' && (args[1] === 'pdf' || args[1] === 'csv')) {
  void measure(args[1]).then((r) => console.log(JSON.stringify(r)));
} else if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(root, 'bench/export.ts')) {
  console.log(JSON.stringify(benchExport(), null, 2));
}
