/**
 * The content step of the build: reads every card in content/ (or the folder given), checks it,
 * and writes the canonical copy Contentlayer reads (.content/) plus the routes next.config reads.
 * Exits 1, naming file, line and field, when any card is invalid.
 *
 *   tsx scripts/content-build.ts [--src content] [--out .content]
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { checkContent } from '../lib/cards/check';
import { formatProblem } from '../lib/cards/problems';

const { values } = parseArgs({
  options: { src: { type: 'string', default: process.env.CONTENT_DIR ?? 'content' }, out: { type: 'string', default: '.content' } },
});
const src = path.resolve(values.src);
const out = path.resolve(values.out);

async function main(): Promise<void> {
const result = await checkContent(src, { readFile: (f) => readFile(f, 'utf8'), readdir });
for (const problem of result.problems) console.error(formatProblem(problem));
const errors = result.problems.filter((p) => p.severity === 'error').length;
if (errors > 0) {
  console.error(`\n${errors} error(s) in ${path.relative(process.cwd(), src) || '.'}: fix them and build again.`);
  process.exit(1);
}

await rm(out, { recursive: true, force: true });
for (const file of result.files) {
  if (!file.canonical) continue;
  const target = path.join(out, 'cards', file.relativePath);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, `---\n${stringify(file.canonical, { lineWidth: 0 })}---\n${file.body}`);
}
await writeFile(path.join(out, 'routes.json'), `${JSON.stringify({ redirects: result.redirects }, null, 2)}\n`);
console.log(`content: ${result.files.length} card(s) checked, ${result.problems.length} warning(s); wrote ${path.relative(process.cwd(), out)}/`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
