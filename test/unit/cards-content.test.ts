import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CardView } from '@/components/cards/CardView';
import { listedOnly } from '@/lib/cards/catalogue';
import { loadCard } from '@/lib/cards/card';
import { parseBody } from '@/lib/cards/body';
import { readFrontMatter } from '@/lib/cards/frontmatter';

const root = path.resolve(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(path.join(root, p), 'utf8');
// The seed cards, as shipped in content/cards and kept in the browser tests' fixture content.
const SEED_MID = 'test/fixtures/site/cards/510-Customer-Service-Mid.md';
const SEED_SENIOR = 'test/fixtures/site/cards/510-Customer-Service-Senior.md';

describe('the seed cards', () => {
  it('normalise the Mid card per proficiency level, with both courses', () => {
    const { card, problems } = loadCard(SEED_MID, read(SEED_MID));
    expect(problems).toEqual([]);
    expect(card).toMatchObject({
      title: '0510 Accounting Mid Customer Service',
      slug: '510-Customer-Service-Mid',
      url: '/cards/510-Customer-Service-Mid',
      seriesCode: '0510',
      seriesTitle: 'Accounting',
      careerLevel: 'Mid',
      gs: { min: 10, max: 13 },
      gsLabel: 'GS 10\u201313',
      group: 'Personal',
      designation: 'General Career Competencies',
      competencySlug: 'Customer-Service',
    });
    expect(card?.levels.map((l) => [l.level, l.name, l.behaviors.length, l.definitions.length])).toEqual([
      [3, 'Intermediate', 3, 3],
      [4, 'Advanced', 3, 3],
    ]);
    expect(card?.levels[0]?.behaviors[1]).toBe('Develops customer satisfaction surveys, analyzes results, and makes necessary improvements');
    expect(card?.courses.map((c) => [c.number, c.title, c.provider, c.url])).toEqual([
      [
        69,
        '4975: Essentials of Stakeholder Management',
        'Learning Tree',
        'https://www.learningtree.com/courses/4975/essentials-of-stakeholder-management-training/',
      ],
      [
        70,
        'A Design Thinking Approach to Putting the Customer First',
        'Carahsoft',
        'https://www.linkedin.com/learning/a-design-thinking-approach-to-putting-the-customer-first',
      ],
    ]);
  });

  it('read "Senior&#58; (14-15)" as Senior, GS 14–15, Level 5 - Expert', () => {
    const { card } = loadCard('s.md', read(SEED_SENIOR));
    expect(card?.careerLevel).toBe('Senior');
    expect(card?.gsLabel).toBe('GS 14\u201315');
    expect(card?.levels.map((l) => `Level ${l.level} - ${l.name}`)).toEqual(['Level 5 - Expert']);
  });

  it('fall back to the front-matter lists when the body has no <dl>', () => {
    const text = read(SEED_SENIOR);
    const withoutBody = `${text.slice(0, text.indexOf('\n---\n') + 5)}\n`;
    const { card } = loadCard('s.md', withoutBody);
    expect(card?.levels).toEqual([]);
    expect(card?.ungrouped.behaviors).toHaveLength(3);
    expect(card?.ungrouped.definitions[1]).toBe('Serves as a key resource and advises others');
  });
});

describe('hostile content (test/fixtures/xss)', () => {
  const file = 'test/fixtures/xss/cards/xss.md';
  const { card, problems } = loadCard(file, read(file));

  it('still loads as a card: the markup is text, not an error', () => {
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(card).not.toBeNull();
  });

  it('keeps only http(s) course links', () => {
    expect(card?.courses.map((c) => c.url ?? null)).toEqual([null, 'https://example.gov/ok', null, null]);
  });

  it('renders no element, attribute or URL that can run script', () => {
    if (!card) throw new Error('fixture did not load');
    const html = renderToStaticMarkup(CardView({ card, siblings: [], courses: listedOnly(card) }));
    expect(html).not.toMatch(/<script|<img|<svg|<iframe|<b[\s>]|\son[a-z]+="|href="(?!https?:\/\/|\/)/iu);
    // The hostile text is shown as text, escaped.
    expect(html).toContain('&lt;script&gt;window.__xss = &#x27;title&#x27;&lt;/script&gt;');
    expect(html).toContain('Sneaky course');
  });
});

const corpusDir = path.resolve(root, '../shared/corpus/cfo-cards-sample');
const corpus = existsSync(corpusDir)
  ? readdirSync(corpusDir)
      .filter((f) => f.endsWith('.md'))
      .sort()
  : [];
if (corpus.length === 0) {
  console.warn(`SKIPPED: the CFO.gov corpus tests need ${corpusDir}, which is absent.`);
}

describe.skipIf(corpus.length === 0)('every card of ../shared/corpus/cfo-cards-sample', () => {
  it('has 120 cards to test', () => {
    expect(corpus.length).toBe(120);
  });
  it.each(corpus)('%s parses, with behaviors and definitions for every level its body names', (name) => {
    const text = readFileSync(path.join(corpusDir, name), 'utf8');
    const { card, problems } = loadCard(name, text);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(card).not.toBeNull();
    const named = parseBody(readFrontMatter(text).body);
    const levels = new Set([...named.behaviors, ...named.definitions].map((l) => l.level));
    expect(levels.size).toBeGreaterThan(0);
    expect(card?.levels.map((l) => l.level)).toEqual([...levels].sort());
    for (const level of card?.levels ?? []) {
      expect(level.behaviors.length, `Level ${level.level} behaviors`).toBeGreaterThan(0);
      expect(level.definitions.length, `Level ${level.level} definitions`).toBeGreaterThan(0);
    }
    expect(card?.title).not.toMatch(/&#\d+;/u);
    for (const course of card?.courses ?? []) {
      expect(course.title.length).toBeGreaterThan(0);
      if (course.url) expect(course.url).toMatch(/^https?:\/\//u);
    }
  });
});
