import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { loadCard } from './card';
import { parseCatalogue, type Course } from './catalogue';
import { buildCollection, type Collection, type Located } from './collection';
import type { Problem } from './problems';

export interface ContentCheck extends Collection {
  /** How many card files were read. */
  readonly fileCount: number;
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

/**
 * Checks a content folder: every card below `<contentDir>/cards/` on its own, then the set together,
 * then the course catalogue `<contentDir>/courses.csv` against the cards' competencies.
 */
export async function checkContent(contentDir: string, fs: Fs = nodeFs): Promise<ContentCheck> {
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
  for (const full of paths) {
    const displayPath = display(full);
    const loaded = loadCard(displayPath, await fs.readFile(full), path.relative(cardsDir, full));
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
  return { cards: collection.cards, problems, fileCount: paths.length, courses };
}
