/**
 * The content step of the build: reads every card in content/ (or the folder given) and the course
 * catalogue, checks them, and writes what Contentlayer ingests: one JSON document per card and per
 * course in .content/, already parsed and normalised (ADR 0002). The site reads Contentlayer's
 * typed output and parses nothing again. Exits 1, naming file, line and field, on any error.
 * Only documents whose text changed are rewritten, so Contentlayer's cache keeps the rest.
 *
 *   tsx scripts/content-build.ts [--src content] [--out .content]
 *
 * `npm run build` runs it bundled by esbuild instead (scripts/contentlayer.mjs --content-step): the
 * same code without tsx's start-up and transpiling. Files are read and written synchronously: a
 * card is a few KB, and awaiting thousands of small reads one after the other left the process
 * mostly idle.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../lib/cards/check';
import { formatProblem } from '../lib/cards/problems';

const { values } = parseArgs({
  options: { src: { type: 'string', default: process.env.CONTENT_DIR ?? 'content' }, out: { type: 'string', default: '.content' } },
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

async function main(): Promise<void> {
  const result = await checkContent(src, { readFile: async (file) => readFileSync(file, 'utf8'), readdir });
  for (const problem of result.problems) console.error(formatProblem(problem));
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) {
    console.error(`\n${errors} error(s) in ${path.relative(process.cwd(), src) || '.'}: fix them and build again.`);
    process.exit(1);
  }
  const documents = new Map<string, unknown>();
  for (const card of result.cards) documents.set(path.join('cards', card.sourcePath.replace(/\.md$/u, '.json')), card);
  for (const course of result.courses) documents.set(path.join('courses', `${course.slug}.json`), course);
  const { written, removed } = sync(documents);
  const warnings = result.problems.length;
  console.log(
    `content: ${result.cards.length} card(s), ${result.courses.length} course(s) checked, ${warnings} warning(s); ${written} document(s) written, ${removed} removed in ${path.relative(process.cwd(), out)}/`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
