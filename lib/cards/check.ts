import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { loadCard } from './card';
import { buildCollection, type Collection, type Located } from './collection';
import type { Problem } from './problems';

export interface CheckedFile {
  /** Path below `<content>/cards/`. */
  readonly relativePath: string;
  /** Path as shown in messages (relative to the working directory). */
  readonly displayPath: string;
  readonly canonical: Record<string, unknown> | null;
  readonly body: string;
}

export interface ContentCheck extends Collection {
  readonly files: CheckedFile[];
}

interface Fs {
  readFile: (file: string) => Promise<string>;
  readdir: typeof readdir;
}

const nodeFs: Fs = { readFile: (f) => readFile(f, 'utf8'), readdir };

async function markdownFiles(dir: string, fs: Fs): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await markdownFiles(full, fs)));
    else if (entry.isFile() && entry.name.endsWith('.md')) files.push(full);
  }
  return files;
}

/** Checks every card below `<contentDir>/cards/`: each file on its own, then the set together. */
export async function checkContent(contentDir: string, fs: Fs = nodeFs): Promise<ContentCheck> {
  // A content root holds cards/; any other folder is taken as a folder of cards itself.
  const nested = path.join(contentDir, 'cards');
  const cardsDir = existsSync(nested) ? nested : contentDir;
  const paths = await markdownFiles(cardsDir, fs);
  const problems: Problem[] = [];
  const files: CheckedFile[] = [];
  const located: Located[] = [];
  if (paths.length === 0) {
    problems.push({ file: path.relative(process.cwd(), cardsDir) || cardsDir, line: 1, field: 'file', message: 'no card files (*.md) found', severity: 'error' });
  }
  for (const full of paths) {
    const displayPath = path.relative(process.cwd(), full) || full;
    const relativePath = path.relative(cardsDir, full);
    const loaded = loadCard(displayPath, await fs.readFile(full), relativePath);
    problems.push(...loaded.problems);
    const ok = loaded.card !== null && !loaded.problems.some((p) => p.severity === 'error');
    files.push({ relativePath, displayPath, canonical: ok ? loaded.canonical : null, body: loaded.body });
    if (ok && loaded.card) located.push({ card: loaded.card, file: displayPath, permalinkLine: loaded.permalinkLine });
  }
  const collection = buildCollection(located);
  return { ...collection, problems: [...problems, ...collection.problems], files };
}

