/** Cards for unit tests, loaded the way the content step loads them (no Contentlayer). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Card } from '@/lib/cards/card';
import { loadCard } from '@/lib/cards/card';
import { cardCourses, courseIndex, listedOnly, parseCatalogue, type Course } from '@/lib/cards/catalogue';
import { buildCollection } from '@/lib/cards/collection';
import { summarise, type CardSummary } from '@/lib/cards/summary';
import { generateCards } from '@/lib/content/generate';
import type { ExportCard } from '@/lib/export/fields';

// Both runners (vitest, Playwright) start in the repository root.
export const root = process.cwd();
export const corpusDir = path.resolve(root, '../shared/corpus/cfo-cards-sample');
/** The fixture content folder the browser tests build (CONTENT_DIR): the two seed cards and 28 more, and a course list. */
export const fixtureDir = path.join(root, 'test/fixtures/site');

function collect(files: { file: string; text: string }[]): Card[] {
  const located = files.map(({ file, text }) => {
    const loaded = loadCard(file, text, path.basename(file));
    if (!loaded.card) throw new Error(`${file}: ${loaded.problems.map((p) => p.message).join('; ')}`);
    return { card: loaded.card, file, permalinkLine: loaded.permalinkLine };
  });
  return [...buildCollection(located).cards];
}

function readCards(dir: string): Card[] {
  return collect(
    readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => ({ file: path.join(dir, f), text: readFileSync(path.join(dir, f), 'utf8') })),
  );
}

/** The fixture's cards, in list order. */
export function fixtureCards(): Card[] {
  return readCards(path.join(fixtureDir, 'cards'));
}

/** The two seed cards (510 Customer Service, Mid and Senior), as the fixture holds them. */
export function seedCards(): Card[] {
  return fixtureCards().filter((c) => c.seriesCode === '0510' && c.competency === 'Customer Service' && c.careerLevel !== 'Entry');
}

/** The fixture's course catalogue, checked against its cards. */
export function fixtureCourses(cards: readonly Card[] = fixtureCards()): Course[] {
  const competencies = new Map(cards.map((c) => [c.competencySlug, c.competency]));
  return parseCatalogue(readFileSync(path.join(fixtureDir, 'courses.csv'), 'utf8'), competencies).courses;
}

/** `count` generated cards (deterministic), in list order. */
export function generatedCards(count: number, seed = 7): Card[] {
  return collect(generateCards(count, seed).map((g) => ({ file: g.file, text: g.text })));
}

/** The real CFO.gov sample beside the repository, or null (the caller skips visibly). */
export function corpusCards(): Card[] | null {
  if (!existsSync(corpusDir)) return null;
  // Both generations of a card share an identity; the collection keeps each at its own path.
  return readCards(corpusDir);
}

export const summariesOf = (cards: readonly Card[]): CardSummary[] => cards.map((card) => summarise(card));

/** Cards as an export takes them: with the catalogue's courses when given, else their own list. */
export function exportCards(cards: readonly Card[], courses?: readonly Course[]): ExportCard[] {
  const index = courses ? courseIndex(courses) : null;
  return cards.map((card) => ({ card, courses: index ? cardCourses(card, index) : listedOnly(card) }));
}
