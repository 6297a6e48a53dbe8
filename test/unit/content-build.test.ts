import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, cpSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

/** Runs the content step of `npm run build` (scripts/content-build.ts) on a content folder. */
function contentBuild(src: string) {
  const out = mkdtempSync(path.join(tmpdir(), 'content-out-'));
  const run = spawnSync(tsx, ['scripts/content-build.ts', '--src', src, '--out', out], { cwd: root, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr, stdout: run.stdout, out };
}

describe('npm run build refuses an invalid card, naming its file, line and field', () => {
  it('npm run build stops at the content step, in seconds, before Next builds anything', () => {
    const started = Date.now();
    const run = spawnSync('npm', ['run', 'build'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: 'test/fixtures/broken/missing-field', NEXT_DIST_DIR: '.next-broken-test' },
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('test/fixtures/broken/missing-field/cards/missing-description.md:1: competency_description: is required');
    expect(existsSync(path.join(root, '.next-broken-test'))).toBe(false);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it.each([
    ['missing-field', 'test/fixtures/broken/missing-field/cards/missing-description.md:1: competency_description: is required'],
    ['wrong-type', 'test/fixtures/broken/wrong-type/cards/series-list.md:5: series: must be a number such as 510'],
    ['bad-level', 'test/fixtures/broken/bad-level/cards/bad-level.md:14: level: could not read a GS range such as "10-13" from "ten to thirteen"'],
    ['bad-yaml', 'test/fixtures/broken/bad-yaml/cards/bad-yaml.md:20: front matter: invalid YAML'],
    [
      'duplicate',
      'test/fixtures/broken/duplicate/cards/b-second.md:9: permalink: "/cards/510-Customer-Service-Mid" is also the permalink of test/fixtures/broken/duplicate/cards/a-first.md',
    ],
  ])('%s', (fixture, line) => {
    const run = contentBuild(`test/fixtures/broken/${fixture}`);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(line);
    expect(readdirSync(run.out)).toEqual([]);
  });

  it('accepts the fixture content and writes one parsed document per card and per course for Contentlayer', () => {
    const run = contentBuild('test/fixtures/site');
    expect(run.status, run.stderr).toBe(0);
    const cards = readdirSync(path.join(run.out, 'cards'));
    expect(cards).toHaveLength(readdirSync(path.join(root, 'test/fixtures/site/cards')).length);
    const mid = JSON.parse(readFileSync(path.join(run.out, 'cards/510-Customer-Service-Mid.json'), 'utf8')) as {
      slug: string;
      levels: { level: number; behaviors: string[] }[];
    };
    expect(mid.slug).toBe('510-Customer-Service-Mid');
    expect(mid.levels.map((l) => [l.level, l.behaviors.length])).toEqual([
      [3, 3],
      [4, 3],
    ]);
    expect(readdirSync(path.join(run.out, 'courses')).length).toBeGreaterThan(50);
    // Run again: nothing changed, nothing rewritten (Contentlayer's cache keeps every document).
    const again = spawnSync(tsx, ['scripts/content-build.ts', '--src', 'test/fixtures/site', '--out', run.out], { cwd: root, encoding: 'utf8' });
    expect(again.stdout).toContain('0 document(s) written, 0 removed');
  });
});

const corpusDir = path.resolve(root, '../shared/corpus/cfo-cards-sample');

describe.skipIf(!existsSync(corpusDir))('the whole CFO.gov sample as content', () => {
  it('builds, keeping both generations of a card; a /cardsNew/ card is served at /cards/ unless that page is taken', () => {
    const src = mkdtempSync(path.join(tmpdir(), 'corpus-'));
    mkdirSync(path.join(src, 'cards'));
    cpSync(corpusDir, path.join(src, 'cards'), { recursive: true, filter: (f) => !f.endsWith('.tsv') });
    const run = contentBuild(src);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(path.join(run.out, 'cards'))).toHaveLength(120);
    const urlOf = (file: string) => (JSON.parse(readFileSync(path.join(run.out, 'cards', file), 'utf8')) as { url: string }).url;
    expect(urlOf('0560-Personal-Customer-Service-Entry.json')).toBe('/cards/560-Customer-Service-Entry');
    // Both generations of 0510 Customer Service Mid exist in the sample: the newer one keeps its own path.
    expect(urlOf('0510-Personal-Customer-Service-Mid.json')).toBe('/cardsNew/510-Customer-Service-Mid');
    expect(run.stderr).toContain('so this card stays at its own permalink /cardsNew/510-Customer-Service-Mid');
    // The two cards whose YAML only Jekyll's parser accepts are read, with a warning.
    expect(run.stderr).toMatch(/2021-11-26-0501-Personal-Resilience-Senior\.md:2: front matter: warning/u);
  });
});
