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
  it('is the first step of the build script', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toMatch(/npm run content && next build/u);
    expect(pkg.scripts.content).toMatch(/^tsx scripts\/content-build\.ts && node scripts\/contentlayer\.mjs build$/u);
  });

  it.each([
    ['missing-field', 'test/fixtures/broken/missing-field/cards/missing-description.md:1: competency_description: is required'],
    ['wrong-type', 'test/fixtures/broken/wrong-type/cards/series-list.md:5: series: must be a number such as 510'],
    ['bad-level', 'test/fixtures/broken/bad-level/cards/bad-level.md:14: level: could not read a GS range such as "10-13" from "ten to thirteen"'],
    ['bad-yaml', 'test/fixtures/broken/bad-yaml/cards/bad-yaml.md:20: front matter: invalid YAML'],
    ['duplicate', 'test/fixtures/broken/duplicate/cards/b-second.md:9: permalink: "/cards/510-Customer-Service-Mid" is also the permalink of test/fixtures/broken/duplicate/cards/a-first.md'],
  ])('%s', (fixture, line) => {
    const run = contentBuild(`test/fixtures/broken/${fixture}`);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(line);
    expect(readdirSync(run.out)).toEqual([]);
  });

  it('accepts the seeds and writes the canonical copy Contentlayer reads', () => {
    const run = contentBuild('content');
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(path.join(run.out, 'cards')).sort()).toEqual(['510-Customer-Service-Mid.md', '510-Customer-Service-Senior.md']);
  });
});

const corpusDir = path.resolve(root, '../shared/corpus/cfo-cards-sample');
if (!existsSync(corpusDir)) console.warn(`SKIPPED: corpus content-build test needs ${corpusDir}, which is absent.`);

describe.skipIf(!existsSync(corpusDir))('the whole CFO.gov sample as content', () => {
  it('builds, keeping both generations of a card and redirecting /cardsNew/ permalinks', () => {
    const src = mkdtempSync(path.join(tmpdir(), 'corpus-'));
    mkdirSync(path.join(src, 'cards'));
    cpSync(corpusDir, path.join(src, 'cards'), { recursive: true, filter: (f) => !f.endsWith('.tsv') });
    const run = contentBuild(src);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(path.join(run.out, 'cards'))).toHaveLength(120);
    const routes = JSON.parse(readFileSync(path.join(run.out, 'routes.json'), 'utf8')) as { redirects: { source: string; destination: string }[] };
    expect(routes.redirects).toContainEqual({ source: '/cardsNew/560-Customer-Service-Entry', destination: '/cards/560-Customer-Service-Entry' });
    // Both generations of 0510 Customer Service Mid exist in the sample: the newer one keeps its own path.
    expect(routes.redirects.map((r) => r.source)).not.toContain('/cardsNew/510-Customer-Service-Mid');
    expect(run.stderr).toContain('this card is served at its own permalink /cardsNew/510-Customer-Service-Mid');
    // The two cards whose YAML only Jekyll's parser accepts are read, with a warning.
    expect(run.stderr).toMatch(/2021-11-26-0501-Personal-Resilience-Senior\.md:2: front matter: warning/u);
  });
});
