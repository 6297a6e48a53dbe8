/**
 * Content tools for editors and for the migration from CFO.gov's Jekyll site.
 *
 *   npm run content:check [dir]                       check every card (default: content)
 *   npm run content:import -- --from <dir> [--to <content dir>] [--force]
 *   npm run content:generate -- --count N [--to <dir>] [--seed S]
 *
 * Imported and generated cards go to .generated/ (ignored by git) unless --to names a folder.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../lib/cards/check';
import { formatProblem } from '../lib/cards/problems';
import { generateCards } from '../lib/content/generate';
import { importJekyllCard, importStructured, resolveCollisions, type ImportItem } from '../lib/content/import';
import { writeCards } from '../lib/content/write';

class UsageError extends Error {}

async function check(args: string[]): Promise<number> {
  const dir = path.resolve(args[0] ?? 'content');
  if (!existsSync(dir)) throw new UsageError(`no such folder: ${dir}`);
  const result = await checkContent(dir);
  for (const problem of result.problems) console.log(formatProblem(problem));
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const warnings = result.problems.length - errors;
  console.log(`${result.fileCount} card file(s), ${result.courses.length} course(s): ${errors} error(s), ${warnings} warning(s)`);
  return errors > 0 ? 1 : 0;
}

/** The provenance note written beside imported content: where every file came from, byte for byte. */
async function provenance(from: string, files: readonly string[]): Promise<string> {
  const lines = [
    '# Where this content comes from',
    '',
    "Imported from CFO.gov's structured career-planning source (public domain U.S. government data) with",
    '',
    '    npm run content:import -- --from ../shared/corpus/cfo-source --to content',
    '',
    'Run again, it reports every file unchanged; a card edited by hand here is kept as it is (and',
    'reported so) unless `--force` is given. Source files and their SHA-256:',
    '',
  ];
  for (const file of files) {
    const bytes = await readFile(path.join(from, file));
    lines.push(`- \`${file}\`: ${createHash('sha256').update(bytes).digest('hex')}`);
  }
  const note = path.join(from, 'SOURCE.md');
  if (existsSync(note))
    lines.push(
      '',
      "The source's own note (its repository, paths and commits):",
      '',
      ...(await readFile(note, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => (l ? `> ${l}` : '>')),
    );
  return `${lines.join('\n')}\n`;
}

async function importCards(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { from: { type: 'string' }, to: { type: 'string', default: '.generated/imported' }, force: { type: 'boolean', default: false } },
  });
  if (!values.from) throw new UsageError('--from <dir> is required: a Jekyll _cards/ folder, or a folder with cards.json');
  const from = path.resolve(values.from);
  const to = path.resolve(values.to);
  if (!existsSync(from)) throw new UsageError(`no such folder: ${from}`);
  let items: ImportItem[];
  const extra: { file: string; text: string; source: string }[] = [];
  if (existsSync(path.join(from, 'cards.json'))) {
    const read = (f: string) => readFile(path.join(from, f), 'utf8');
    items = importStructured({
      cards: JSON.parse(await read('cards.json')),
      descriptions: existsSync(path.join(from, 'competency_descriptions.json')) ? JSON.parse(await read('competency_descriptions.json')) : [],
    });
    const sources = ['cards.json', 'competency_descriptions.json'];
    const coursesFile = ['courses.csv', 'courses.sample.csv'].find((f) => existsSync(path.join(from, f)));
    if (coursesFile) {
      extra.push({ file: 'courses.csv', text: await read(coursesFile), source: coursesFile });
      sources.push(coursesFile);
    }
    extra.push({ file: 'SOURCE.md', text: await provenance(from, sources), source: 'the source files' });
  } else {
    const dir = existsSync(path.join(from, '_cards')) ? path.join(from, '_cards') : from;
    const names = (await readdir(dir)).filter((f) => f.endsWith('.md')).sort();
    items = await Promise.all(names.map(async (name) => importJekyllCard(name, await readFile(path.join(dir, name), 'utf8'))));
  }
  items = resolveCollisions(items);
  const cards = items.filter((i): i is Extract<ImportItem, { kind: 'card' }> => i.kind === 'card');
  const reports = await writeCards(to, [...cards, ...extra], values.force);
  const sourceOf = new Map([...cards, ...extra].map((c) => [c.file, c.source]));
  for (const r of reports) console.log(`${r.outcome.padEnd(9)} ${r.file}  (from ${sourceOf.get(r.file) ?? '?'})${r.reason ? `: ${r.reason}` : ''}`);
  for (const item of items) if (item.kind === 'skip') console.log(`${'skipped'.padEnd(9)} ${item.source}: ${item.reason}`);
  const count = (o: string) => reports.filter((r) => r.outcome === o).length;
  const skipped = count('skipped') + items.filter((i) => i.kind === 'skip').length;
  console.log(
    `\n${count('created')} created, ${count('updated')} updated, ${count('unchanged')} unchanged, ${skipped} skipped → ${path.relative(process.cwd(), to) || '.'}`,
  );
  return 0;
}

async function generate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      count: { type: 'string' },
      to: { type: 'string', default: '.generated/synthetic' },
      seed: { type: 'string', default: '1' },
      force: { type: 'boolean', default: false },
    },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) throw new UsageError('--count N is required: a whole number from 1 to 1,000,000');
  if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
  const reports = await writeCards(path.resolve(values.to), generateCards(count, seed), values.force);
  const count_ = (o: string) => reports.filter((r) => r.outcome === o).length;
  console.log(
    `${count} synthetic card(s), seed ${seed}: ${count_('created')} created, ${count_('updated')} updated, ${count_('unchanged')} unchanged, ${count_('skipped')} skipped → ${path.relative(process.cwd(), path.resolve(values.to))}`,
  );
  return 0;
}

const commands: Record<string, (args: string[]) => Promise<number>> = { check, import: importCards, generate };

async function main(): Promise<void> {
  const [command = '', ...args] = process.argv.slice(2);
  const run = commands[command];
  if (!run) throw new UsageError(`usage: content (check [dir] | import --from <dir> [--to <dir>] [--force] | generate --count N [--to <dir>] [--seed S])`);
  process.exitCode = await run(args);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    console.error(`content: ${error.message}`);
    process.exitCode = 2;
    return;
  }
  console.error(error);
  process.exitCode = 1;
});
