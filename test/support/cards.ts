/** Cards for unit tests, loaded the way the build loads them (no Contentlayer). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Card } from '@/lib/cards/card';
import { loadCard } from '@/lib/cards/card';
import { buildCollection } from '@/lib/cards/collection';
import { summarise, type CardSummary } from '@/lib/cards/summary';
import { generateCards } from '@/lib/content/generate';

export const root = path.resolve(import.meta.dirname, '../..');
export const corpusDir = path.resolve(root, '../shared/corpus/cfo-cards-sample');

function collect(files: { file: string; text: string }[]): Card[] {
  const located = files.map(({ file, text }) => {
    const loaded = loadCard(file, text, path.basename(file));
    if (!loaded.card) throw new Error(`${file}: ${loaded.problems.map((p) => p.message).join('; ')}`);
    return { card: loaded.card, file, permalinkLine: loaded.permalinkLine };
  });
  return [...buildCollection(located).cards];
}

/** The two seed cards shipped in content/cards. */
export function seedCards(): Card[] {
  const dir = path.join(root, 'content/cards');
  return collect(readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => ({ file: path.join(dir, f), text: readFileSync(path.join(dir, f), 'utf8') })));
}

/** `count` generated cards (deterministic), in list order. */
export function generatedCards(count: number, seed = 7): Card[] {
  return collect(generateCards(count, seed).map((g) => ({ file: g.file, text: g.text })));
}

/** The real CFO.gov sample beside the repository, or null (the caller says it skipped). */
export function corpusCards(): Card[] | null {
  if (!existsSync(corpusDir)) return null;
  const files = readdirSync(corpusDir).filter((f) => f.endsWith('.md'));
  // Both generations of a card share an identity; the collection keeps each at its own path.
  return collect(files.map((f) => ({ file: path.join(corpusDir, f), text: readFileSync(path.join(corpusDir, f), 'utf8') })));
}

export const summariesOf = (cards: readonly Card[]): CardSummary[] => cards.map(summarise);
