import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCard, type Card } from '@/lib/cards/card';
import { cardCourses, courseIndex, parseCatalogue } from '@/lib/cards/catalogue';
import { checkContent } from '@/lib/cards/check';
import { identityKey } from '@/lib/cards/identity';
import { generateCards } from '@/lib/content/generate';
import { importJekyllCard, importStructured, resolveCollisions } from '@/lib/content/import';
import { writeCards } from '@/lib/content/write';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const content = (...args: string[]) => spawnSync(tsx, ['scripts/content.ts', ...args], { cwd: root, encoding: 'utf8' });
const tmp = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));
const fields = (card: Card | null) => {
  if (!card) throw new Error('no card');
  const { sourcePath: _sourcePath, ...rest } = card;
  return rest;
};

describe('content:check', () => {
  it('prints one line per problem as path:line: field: message, and exits 1 on an error', () => {
    const run = content('check', 'test/fixtures/rules');
    expect(run.status).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      'test/fixtures/rules/cards/a-level-disagrees.md:14: level: "14-15" does not agree with career_level Mid (GS 10–13)',
      'test/fixtures/rules/cards/a-level-disagrees.md:20: filters: warning: "Personal-Customer-Service GS-10-13 series-0510" should contain "GS-14-15"',
      'test/fixtures/rules/cards/b-permalink-form.md:9: permalink: the last segment "510-CustomerService-Middle" should be "510-Customer-Service-Mid" (<series>-<competency>-<level>)',
      'test/fixtures/rules/cards/c-cardsnew-and-filters.md:20: filters: warning: "Personal-Customer-Service GS-7-9 series-0510" should contain "GS-10-13"',
      'test/fixtures/rules/cards/c-cardsnew-and-filters.md:20: filters: warning: "Personal-Customer-Service GS-7-9 series-0510" should contain "series-0511"',
      'test/fixtures/rules/cards/d-course-url.md:19: relevant_courses: warning: course link "ftp://example.gov/x" is not an http(s) URL; it is shown without a link',
      'test/fixtures/rules/cards/e-level-without-bullets.md:22: body: warning: Level 4 - Advanced has no behavior illustrations',
      "test/fixtures/rules/cards/c-cardsnew-and-filters.md:9: permalink: warning: CFO.gov's /cardsNew/ prefix: this card is served at /cards/511-Customer-Service-Mid, and /cardsNew/511-Customer-Service-Mid leads there",
      '5 card file(s), 0 course(s): 2 error(s), 6 warning(s)',
    ]);
  });

  it('exits 0 on the shipped content and on the browser tests’ fixture, and names an unknown folder', () => {
    expect(content('check').status).toBe(0);
    const fixture = content('check', 'test/fixtures/site');
    expect(fixture.status).toBe(0);
    // The fixture's deliberately bad course rows are warnings naming their row; nothing else is left out.
    expect(fixture.stdout).toContain(
      'test/fixtures/site/courses.csv:116: link: warning: “Broken link course (fixture)”: “javascript:alert(1)” is not an http(s) link; the row is left out',
    );
    expect(fixture.stdout).toContain('“Unknown competency course (fixture)”: no card has the competency “Underwater Basket Weaving”');
    expect(fixture.stdout).toContain('“Level nine course (fixture)”: “9” is not a proficiency level from 1 to 5');
    const missing = content('check', 'no/such/folder');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such folder');
  });
});

describe('content:import from Jekyll cards', () => {
  it('round trip: a seed imports to a card with identical fields', () => {
    for (const name of ['510-Customer-Service-Mid.md', '510-Customer-Service-Senior.md']) {
      const text = readFileSync(path.join(root, 'test/fixtures/site/cards', name), 'utf8');
      const item = importJekyllCard(name, text);
      if (item.kind !== 'card') throw new Error(item.reason);
      expect(item.file).toBe(`cards/${name}`);
      expect(fields(loadCard(name, item.text).card)).toEqual(fields(loadCard(name, text).card));
      // Importing the output again changes nothing.
      const again = importJekyllCard(name, item.text);
      expect(again.kind === 'card' && again.text).toBe(item.text);
    }
  });

  it('reads the generator-only variants: renamed keys, nan, "GS 7-9", a trailing slash', () => {
    const name = '2021-11-26-0560-Personal-Customer-Service-Entry.md';
    const item = importJekyllCard(name, readFileSync(path.join(root, 'test/fixtures/jekyll-variants', name), 'utf8'));
    if (item.kind !== 'card') throw new Error(item.reason);
    expect(item.file).toBe('cards/560-Customer-Service-Entry.md');
    const { card, problems } = loadCard(item.file, item.text);
    expect(problems).toEqual([]);
    expect(card).toMatchObject({
      permalink: '/cards/560-Customer-Service-Entry',
      careerLevel: 'Entry',
      description: 'Works with clients and customers to assess their needs',
      courses: [],
    });
    expect(card?.levels).toEqual([
      {
        level: 1,
        name: 'Awareness',
        behaviors: ['Answers routine questions', 'Refers complex requests'],
        definitions: ['Applies the competency in the simplest situations', 'Requires close and extensive guidance'],
      },
    ]);
  });

  it('skips a file that is not a card, saying why', () => {
    expect(importJekyllCard('x.md', 'no front matter')).toEqual({
      kind: 'skip',
      source: 'x.md',
      reason: 'line 1: the file does not start with a "---" front matter block',
    });
  });

  it('is idempotent, and never overwrites a hand-edited card without --force', async () => {
    const dir = tmp('import-');
    const files = [
      { file: 'a.md', text: 'one\n' },
      { file: 'b.md', text: 'two\n' },
    ];
    expect((await writeCards(dir, files)).map((r) => r.outcome)).toEqual(['created', 'created']);
    expect((await writeCards(dir, files)).map((r) => r.outcome)).toEqual(['unchanged', 'unchanged']);
    expect((await writeCards(dir, [{ file: 'a.md', text: 'one, newer\n' }])).map((r) => r.outcome)).toEqual(['updated']);
    writeFileSync(path.join(dir, 'b.md'), 'two, edited by hand\n');
    const refused = await writeCards(dir, [{ file: 'b.md', text: 'two, newer\n' }]);
    expect(refused).toEqual([{ file: 'b.md', outcome: 'skipped', reason: 'edited by hand since the last import: kept as it is (--force overwrites it)' }]);
    expect(readFileSync(path.join(dir, 'b.md'), 'utf8')).toBe('two, edited by hand\n');
    // Said once; while it stays as edited, later runs report it unchanged.
    expect(await writeCards(dir, [{ file: 'b.md', text: 'two, newer\n' }])).toEqual([{ file: 'b.md', outcome: 'unchanged', reason: 'kept as edited by hand' }]);
    expect((await writeCards(dir, [{ file: 'b.md', text: 'two, newer\n' }], true))[0]?.outcome).toBe('updated');
    expect(readFileSync(path.join(dir, 'b.md'), 'utf8')).toBe('two, newer\n');
  });
});

const shared = path.resolve(root, '../shared/corpus');
const corpusDir = path.join(shared, 'cfo-cards-sample');
const haveShared = existsSync(shared);

function structured() {
  const dir = path.join(shared, 'cfo-source');
  return importStructured({
    cards: JSON.parse(readFileSync(path.join(dir, 'cards.json'), 'utf8')),
    descriptions: JSON.parse(readFileSync(path.join(dir, 'competency_descriptions.json'), 'utf8')),
  });
}

function loadCatalogue(cards: readonly Card[]) {
  const competencies = new Map(cards.map((c) => [c.competencySlug, c.competency]));
  const { courses } = parseCatalogue(readFileSync(path.join(shared, 'cfo-source/courses.csv'), 'utf8'), competencies);
  return { index: courseIndex(courses), byUrl: new Map(courses.map((c) => [c.url, c])) };
}

describe.skipIf(!haveShared)('content:import on CFO.gov sources', () => {
  it('imports every file of cfo-cards-sample; the output passes content:check', async () => {
    const dir = path.join(shared, 'cfo-cards-sample');
    const names = readdirSync(dir).filter((f) => f.endsWith('.md'));
    const items = resolveCollisions(names.map((n) => importJekyllCard(n, readFileSync(path.join(dir, n), 'utf8'))));
    const skipped = items.filter((i) => i.kind === 'skip');
    // Only the older generation of the six cards CFO.gov kept twice is skipped.
    expect(skipped).toHaveLength(6);
    for (const s of skipped) expect(s.kind === 'skip' && s.reason).toMatch(/^superseded by \d{4}-/u);
    const out = tmp('imported-');
    await writeCards(
      out,
      items.flatMap((i) => (i.kind === 'card' ? [i] : [])),
    );
    const check = await checkContent(out);
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(check.cards).toHaveLength(114);
    // One card per identity, each at its /cards/ page.
    expect(new Set(check.cards.map(identityKey)).size).toBe(114);
    expect(check.cards.every((c) => c.url === `/cards/${c.slug}`)).toBe(true);
  });

  it('with both generations of a card in content, says once where each is served (no contradiction)', async () => {
    const check = await checkContent(corpusDir);
    const aboutPages = check.problems.filter((p) => p.field === 'permalink');
    const perFile = new Map<string, string[]>();
    for (const p of aboutPages) perFile.set(p.file, [...(perFile.get(p.file) ?? []), p.message]);
    for (const [file, messages] of perFile) expect(messages, file).toHaveLength(1);
    const kept = aboutPages.filter((p) => p.message.includes('stays at its own permalink'));
    expect(kept).toHaveLength(6);
  });

  it('imports the structured source: 532 cards, and their course catalogue, that pass content:check', async () => {
    const dir = path.join(shared, 'cfo-source');
    const items = structured();
    expect(items.filter((i) => i.kind === 'skip')).toEqual([]);
    const out = tmp('structured-');
    await writeCards(out, [
      ...items.flatMap((i) => (i.kind === 'card' ? [i] : [])),
      { file: 'courses.csv', text: readFileSync(path.join(dir, 'courses.csv'), 'utf8') },
    ]);
    const check = await checkContent(out);
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(check.cards).toHaveLength(532);
    expect(new Set(check.cards.map(identityKey)).size).toBe(532);
    const mid = check.cards.find((c) => c.url === '/cards/510-Customer-Service-Mid');
    expect(mid?.levels.map((l) => [l.level, l.behaviors.length, l.definitions.length])).toEqual([
      [3, 3, 3],
      [4, 3, 3],
    ]);
    // Items separated by a tab inside competency_descriptions.json are items of their own.
    const afm = check.cards.find((c) => c.competency === 'Advanced Financial Management' && c.levels.some((l) => l.level === 1));
    expect(afm?.levels.find((l) => l.level === 1)?.behaviors).toEqual([
      'Develops and utilizes financial processes and resources to ensure effectiveness and accountability',
      'Performs finance functions with a high degree of effectiveness and efficiency',
    ]);
    // Courses are data: the catalogue's rows, matched to cards by competency and proficiency level.
    expect(check.courses.length).toBeGreaterThan(600);
    const index = courseIndex(check.courses);
    const withCourses = check.cards.filter((c) => cardCourses(c, index).byLevel.length > 0);
    expect(withCourses.length).toBeGreaterThan(400);
    for (const course of check.courses) expect(course.url).toMatch(/^https?:\/\//u);
  });

  it('every imported card matches the real newest-generation card of its identity: definitions and behaviors identical', () => {
    const newest = readdirSync(corpusDir).filter((f) => f.endsWith('.md') && !/^\d{4}-\d{2}-\d{2}-/u.test(f));
    const imported = new Map<string, Card>();
    for (const item of structured()) {
      if (item.kind !== 'card') continue;
      const card = loadCard(item.file, item.text).card;
      if (card) imported.set(identityKey(card), card);
    }
    const catalogue = loadCatalogue([...imported.values()]);
    let compared = 0;
    let coursesOnRealCards = 0;
    let laterRevision = 0;
    for (const name of newest) {
      const real = loadCard(name, readFileSync(path.join(corpusDir, name), 'utf8')).card;
      if (!real) throw new Error(`${name} does not load`);
      const ours = imported.get(identityKey(real));
      expect(ours, `${name}: no imported card of its identity`).toBeDefined();
      if (!ours) continue;
      expect(
        ours.levels.map((l) => [l.level, l.behaviors, l.definitions]),
        name,
      ).toEqual(real.levels.map((l) => [l.level, l.behaviors, l.definitions]));
      expect(ours.description, name).toBe(real.description);
      // Courses: the real card was generated from an earlier revision of the course list. Every
      // course it lists that the current revision still offers for this competency at these
      // levels is on our card; the others were dropped or renamed by CFO.gov since.
      const ourUrls = new Set(cardCourses(ours, catalogue.index).byLevel.flatMap((g) => g.courses.map(({ course }) => course.url)));
      for (const course of real.courses) {
        if (!course.url) continue;
        coursesOnRealCards++;
        const current = catalogue.byUrl.get(course.url)?.serves.find((s) => s.competencySlug === ours.competencySlug);
        const stillOffered = current?.levels.some((l) => ours.levels.some((x) => x.level === l)) ?? false;
        if (stillOffered) expect(ourUrls.has(course.url), `${name}: ${course.title}`).toBe(true);
        else laterRevision++;
      }
      compared++;
    }
    expect(compared).toBe(newest.length);
    expect(compared).toBeGreaterThan(90);
    // Most of the real cards' courses are still offered; the rest are revisions of the list.
    expect(laterRevision).toBeLessThan(coursesOnRealCards / 2);
  });

  it('the command reports created, then unchanged on a second run', () => {
    const out = tmp('cli-');
    const first = content('import', '--from', path.join(shared, 'cfo-source'), '--to', out);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('created   cards/510-Customer-Service-Mid.md  (from cards.json row ID');
    expect(first.stdout).toContain('created   courses.csv  (from courses.csv)');
    expect(first.stdout).toMatch(/534 created, 0 updated, 0 unchanged, 0 skipped/u);
    const second = content('import', '--from', path.join(shared, 'cfo-source'), '--to', out);
    expect(second.stdout).toMatch(/0 created, 0 updated, 534 unchanged, 0 skipped/u);
    expect(readFileSync(path.join(out, 'SOURCE.md'), 'utf8')).toContain('https://github.com/GSA/CFO.gov');
  });

  it('keeps the seed cards in content/ as they are, and reports every file unchanged on a second run', () => {
    const out = tmp('seeded-');
    mkdirSync(path.join(out, 'cards'));
    for (const name of ['510-Customer-Service-Mid.md', '510-Customer-Service-Senior.md']) {
      copyFileSync(path.join(root, 'test/fixtures/site/cards', name), path.join(out, 'cards', name));
    }
    const first = content('import', '--from', path.join(shared, 'cfo-source'), '--to', out);
    expect(first.stdout).toMatch(/532 created, 0 updated, 0 unchanged, 2 skipped/u);
    expect(first.stdout).toContain('skipped   cards/510-Customer-Service-Mid.md  (from cards.json row ID');
    expect(readFileSync(path.join(out, 'cards/510-Customer-Service-Mid.md'), 'utf8')).toBe(
      readFileSync(path.join(root, 'test/fixtures/site/cards/510-Customer-Service-Mid.md'), 'utf8'),
    );
    const second = content('import', '--from', path.join(shared, 'cfo-source'), '--to', out);
    expect(second.stdout).toMatch(/0 created, 0 updated, 534 unchanged, 0 skipped/u);
  });
});

describe('content:generate', () => {
  it('is deterministic for a seed, and every card is valid and unique', async () => {
    const a = generateCards(300, 7);
    expect(generateCards(300, 7)).toEqual(a);
    expect(generateCards(300, 8)).not.toEqual(a);
    expect(new Set(a.map((c) => c.file)).size).toBe(300);
    const out = tmp('generated-');
    await writeCards(out, a);
    const check = await checkContent(out);
    expect(check.problems).toEqual([]);
    expect(check.cards).toHaveLength(300);
  });

  it('refuses a missing or bad count', () => {
    const run = content('generate', '--count', 'lots');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--count N is required');
  });
});
