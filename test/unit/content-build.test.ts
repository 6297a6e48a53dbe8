import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
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

describe('the content step while editing (`npm run dev`, `npm run content`)', () => {
  /** A copy of the fixture content to edit. */
  function editable() {
    const src = mkdtempSync(path.join(tmpdir(), 'content-edit-'));
    cpSync(path.join(root, 'test/fixtures/site'), src, { recursive: true });
    const out = mkdtempSync(path.join(tmpdir(), 'content-out-'));
    return { src, out, card: path.join(src, 'cards/510-Customer-Service-Mid.md'), doc: path.join(out, 'cards/510-Customer-Service-Mid.json') };
  }
  const description = (doc: string) => (JSON.parse(readFileSync(doc, 'utf8')) as { description: string }).description;
  const until = async (what: () => boolean, ms = 15_000) => {
    const end = Date.now() + ms;
    while (!what()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what.toString()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('with --watch: an edit is written within moments; a broken edit is printed with file, line and field, kept out, and recovered from', async () => {
    const { src, out, card, doc } = editable();
    const child = spawn(tsx, ['scripts/content-build.ts', '--src', src, '--out', out, '--watch'], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    try {
      await until(() => stdout.includes('watching'));
      const original = readFileSync(card, 'utf8');
      writeFileSync(card, original.replace(/^competency_description: .*$/mu, 'competency_description: Edited while watching.'));
      await until(() => existsSync(doc) && description(doc) === 'Edited while watching.');
      // A broken edit: the error names file, line and field; the last good document stays.
      writeFileSync(card, original.replace(/^series: .*$/mu, 'series: [510]'));
      await until(() => stderr.includes('510-Customer-Service-Mid.md:5: series: must be a number such as 510'));
      expect(description(doc)).toBe('Edited while watching.');
      const status = JSON.parse(readFileSync(`${out}-status.json`, 'utf8')) as { problems: { field: string; severity: string }[] };
      expect(status.problems.filter((p) => p.severity === 'error').map((p) => p.field)).toEqual(['series']);
      expect(child.exitCode).toBeNull();
      // Fixed: written again, and the status has no error.
      writeFileSync(card, original.replace(/^competency_description: .*$/mu, 'competency_description: Fixed.'));
      await until(() => description(doc) === 'Fixed.');
      await until(() => !readFileSync(`${out}-status.json`, 'utf8').includes('"error"'));
      // A new card appears; a deleted one goes.
      writeFileSync(
        path.join(src, 'cards/510-Customer-Focus-Mid.md'),
        original.replace('/cards/510-Customer-Service-Mid', '/cards/510-Customer-Focus-Mid').replace(/^competency: .*$/mu, 'competency: Customer Focus'),
      );
      await until(() => existsSync(path.join(out, 'cards/510-Customer-Focus-Mid.json')));
      rmSync(path.join(src, 'cards/510-Customer-Focus-Mid.md'));
      await until(() => !existsSync(path.join(out, 'cards/510-Customer-Focus-Mid.json')));
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('with a parse cache: a second run parses only the files that changed, and gives the same documents', () => {
    const { src, out, card, doc } = editable();
    const cache = path.join(mkdtempSync(path.join(tmpdir(), 'content-cache-')), 'check.json');
    const run = () => spawnSync(tsx, ['scripts/content-build.ts', '--src', src, '--out', out, '--cache', cache], { cwd: root, encoding: 'utf8' });
    const files = readdirSync(path.join(src, 'cards')).length;
    expect(run().stdout).toContain(`(${files} parsed, 0 unchanged)`);
    expect(run().stdout).toContain(`(0 parsed, ${files} unchanged)`);
    writeFileSync(card, readFileSync(card, 'utf8').replace(/^competency_description: .*$/mu, 'competency_description: Changed once.'));
    const third = run();
    expect(third.stdout).toContain(`(1 parsed, ${files - 1} unchanged)`);
    expect(third.stdout).toContain('1 document(s) written');
    expect(description(doc)).toBe('Changed once.');
  });
});
