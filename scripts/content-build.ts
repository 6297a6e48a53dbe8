/**
 * The content step of the build: reads every card in content/ (or the folder given) and the course
 * catalogue, checks them, and writes what Contentlayer ingests: one JSON document per card and per
 * course in .content/, already parsed and normalised (ADR 0002). The site reads Contentlayer's
 * typed output and parses nothing again. Exits 1, naming file, line and field, on any error.
 * Only documents whose text changed are rewritten, so Contentlayer's cache keeps the rest.
 *
 *   tsx scripts/content-build.ts [--src content] [--out .content] [--watch]
 *
 * It also writes `<out>-status.json` (`.content-status.json`: the last run's errors and warnings),
 * which the site shows in development (components/ContentProblems.tsx).
 *
 * With `--watch` (`npm run dev`), it stays running and checks the folder again whenever a file in
 * it changes (a card edited, added, deleted or renamed, or the course list): only the changed
 * files are parsed again, then the rules across cards and the catalogue. A broken edit is printed
 * as `file:line: field: message` and written to the status file; `.content/` keeps the last
 * content that was right, so the site keeps working, and the next good save brings it up to date.
 *
 * Bundled (as `npm run build` and `npm run content` run it), it keeps what it parsed in
 * node_modules/.cache/fm-content/, keyed by each file's path and text and by this code: a run after
 * a few edits parses only those files.
 * `npm run build` runs it bundled by esbuild instead (scripts/contentlayer.mjs --content-step): the
 * same code without tsx's start-up and transpiling. Files are read and written synchronously: a
 * card is a few KB, and awaiting thousands of small reads one after the other left the process
 * mostly idle.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkContent, type CheckedFile } from '../lib/cards/check';
import { formatProblem, type Problem } from '../lib/cards/problems';

const { values } = parseArgs({
  options: {
    src: { type: 'string', default: process.env.CONTENT_DIR ?? 'content' },
    out: { type: 'string', default: '.content' },
    watch: { type: 'boolean', default: false },
    /** The parse cache (default: node_modules/.cache/fm-content/check.json when bundled; none under tsx). */
    cache: { type: 'string' },
  },
});
const src = path.resolve(values.src);
const out = path.resolve(values.out);

function listFiles(dir: string): string[] {
  try {
    const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

function readIfExists(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Writes `documents` (path below `out` → data) into `out`, touching only what changed; removes the rest. */
function sync(documents: Map<string, unknown>): { written: number; removed: number } {
  const wanted = new Map([...documents].map(([file, data]) => [path.join(out, file), `${JSON.stringify(data)}\n`]));
  let removed = 0;
  for (const file of listFiles(out)) {
    if (!wanted.has(file)) {
      rmSync(file, { force: true });
      removed++;
    }
  }
  let written = 0;
  const made = new Set<string>();
  for (const [file, text] of wanted) {
    if (readIfExists(file) === text) continue;
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(file, text);
    written++;
  }
  return { written, removed };
}

/** The status the site shows in development, beside the output (`.content-status.json`): written only when it changed (a write refreshes the page). */
const STATUS_FILE = `${out}-status.json`;
function writeStatus(problems: readonly Problem[]): void {
  const text = `${JSON.stringify({ problems: problems.map(({ file, line, field, message, severity }) => ({ file, line, field, message, severity })) }, null, 2)}\n`;
  if (readIfExists(STATUS_FILE) !== text) writeFileSync(STATUS_FILE, text);
}

/** The parse cache on disk: only for the bundled step, whose one file is all the code that parses (its hash is the cache's version). */
const self = fileURLToPath(import.meta.url);
const CACHE_FILE = values.cache ? path.resolve(values.cache) : self.endsWith('.mjs') ? path.resolve('node_modules/.cache/fm-content/check.json') : null;
const version = CACHE_FILE ? createHash('sha256').update(readFileSync(self)).digest('base64url') : '';

function loadCache(): Map<string, CheckedFile> {
  if (!CACHE_FILE) return new Map();
  try {
    const data = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as { version?: string; entries?: Record<string, CheckedFile> };
    return data.version === version && data.entries ? new Map(Object.entries(data.entries)) : new Map();
  } catch {
    return new Map();
  }
}

function saveCache(cache: ReadonlyMap<string, CheckedFile>, used: ReadonlySet<string>): void {
  if (!CACHE_FILE) return;
  try {
    mkdirSync(path.dirname(CACHE_FILE), { recursive: true });
    const entries = Object.fromEntries([...cache].filter(([key]) => used.has(key)));
    writeFileSync(CACHE_FILE, JSON.stringify({ version, entries }));
  } catch {
    // a cache only: the next run parses again
  }
}

/** One check of the folder; returns the number of errors (0: `.content/` is up to date). */
async function run(cache: Map<string, CheckedFile>, watching: boolean): Promise<number> {
  const started = performance.now();
  const used = new Set<string>();
  const result = await checkContent(
    src,
    { readFile: async (file) => readFileSync(file, 'utf8'), readdir },
    {
      get: (key) => {
        used.add(key);
        return cache.get(key);
      },
      set: (key, value) => {
        used.add(key);
        cache.set(key, value);
      },
    },
  );
  for (const problem of result.problems) console.error(formatProblem(problem));
  writeStatus(result.problems);
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const where = path.relative(process.cwd(), src) || '.';
  if (errors > 0) {
    console.error(
      watching
        ? `\ncontent: ${errors} error(s) in ${where}; the site keeps showing the last content that was right until they are fixed.`
        : `\n${errors} error(s) in ${where}: fix them and build again.`,
    );
    return errors;
  }
  const documents = new Map<string, unknown>();
  for (const card of result.cards) documents.set(path.join('cards', card.sourcePath.replace(/\.md$/u, '.json')), card);
  for (const course of result.courses) documents.set(path.join('courses', `${course.slug}.json`), course);
  const { written, removed } = sync(documents);
  if (result.parsedCount > 0) saveCache(cache, used);
  const warnings = result.problems.length;
  console.log(
    `content: ${result.cards.length} card(s) (${result.parsedCount} parsed, ${result.fileCount - result.parsedCount} unchanged), ${result.courses.length} course(s) checked, ${warnings} warning(s); ${written} document(s) written, ${removed} removed in ${path.relative(process.cwd(), out)}/ (${Math.round(performance.now() - started)} ms)`,
  );
  return 0;
}

/** Checks again on every change below the folder, one run at a time (a burst of saves makes one run). */
function watchFolder(cache: Map<string, CheckedFile>): void {
  let running = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const rerun = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await run(cache, true);
    } catch (error) {
      console.error(error);
    } finally {
      running = false;
      if (again) {
        again = false;
        void rerun();
      }
    }
  };
  watch(src, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rerun(), 50);
  });
  console.log(`content: watching ${path.relative(process.cwd(), src) || '.'} for changes`);
}

async function main(): Promise<void> {
  const cache = loadCache();
  const errors = await run(cache, values.watch);
  if (values.watch) watchFolder(cache);
  else if (errors > 0) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
