import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { loadCard, type Card } from './card';
import { parseCatalogue, type Course } from './catalogue';
import { buildCollection, type Collection, type Located } from './collection';
import type { Problem } from './problems';

export interface ContentCheck extends Collection {
  /** How many card files were read. */
  readonly fileCount: number;
  /** How many of them were parsed this time (the others were in the cache, unchanged). */
  readonly parsedCount: number;
  /** The course catalogue (`<content>/courses.csv`); empty when there is none. */
  readonly courses: Course[];
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

const display = (file: string) => path.relative(process.cwd(), file) || file;

/** What checking one card file gave: a pure function of its path and text. */
export interface CheckedFile {
  readonly card: Card | null;
  readonly problems: readonly Problem[];
  readonly permalinkLine: number;
}

/**
 * Results of earlier checks, by file path and text: a file that did not change is not parsed
 * again (the watcher of `npm run dev` keeps one in memory; `npm run content` one on disk). The
 * rules across cards and the course catalogue always run on the whole set.
 */
export interface CheckCache {
  get(key: string): CheckedFile | undefined;
  set(key: string, value: CheckedFile): void;
}

function cacheKey(displayPath: string, sourcePath: string, text: string): string {
  return createHash('sha256').update(displayPath).update('\0').update(sourcePath).update('\0').update(text).digest('base64url');
}

/**
 * Checks a content folder: every card below `<contentDir>/cards/` on its own, then the set together,
 * then the course catalogue `<contentDir>/courses.csv` against the cards' competencies.
 */
export async function checkContent(contentDir: string, fs: Fs = nodeFs, cache?: CheckCache): Promise<ContentCheck> {
  // A content root holds cards/; any other folder is taken as a folder of cards itself.
  const nested = path.join(contentDir, 'cards');
  const isRoot = existsSync(nested);
  const cardsDir = isRoot ? nested : contentDir;
  const paths = await markdownFiles(cardsDir, fs);
  const problems: Problem[] = [];
  const located: Located[] = [];
  if (paths.length === 0) {
    problems.push({ file: display(cardsDir), line: 1, field: 'file', message: 'no card files (*.md) found', severity: 'error' });
  }
  let parsedCount = 0;
  for (const full of paths) {
    const displayPath = display(full);
    const sourcePath = path.relative(cardsDir, full);
    const text = await fs.readFile(full);
    const key = cache ? cacheKey(displayPath, sourcePath, text) : '';
    let loaded = cache?.get(key);
    if (!loaded) {
      const { card, problems: found, permalinkLine } = loadCard(displayPath, text, sourcePath);
      loaded = { card, problems: found, permalinkLine };
      cache?.set(key, loaded);
      parsedCount++;
    }
    problems.push(...loaded.problems);
    const ok = loaded.card !== null && !loaded.problems.some((p) => p.severity === 'error');
    if (ok && loaded.card) located.push({ card: loaded.card, file: displayPath, permalinkLine: loaded.permalinkLine });
  }
  const collection = buildCollection(located);
  problems.push(...collection.problems);

  let courses: Course[] = [];
  const csvPath = path.join(contentDir, 'courses.csv');
  if (isRoot && existsSync(csvPath)) {
    const competencies = new Map(collection.cards.map((c) => [c.competencySlug, c.competency]));
    const catalogue = parseCatalogue(await fs.readFile(csvPath), competencies, display(csvPath));
    courses = catalogue.courses;
    problems.push(...catalogue.problems);
  }
  return { cards: collection.cards, problems, fileCount: paths.length, parsedCount, courses };
}
