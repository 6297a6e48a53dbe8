/**
 * The framework floor, measured in the same run: ../shared/bench/next-reference (a minimal Next
 * 16.4.5 site, no Contentlayer, USWDS or auth, prerendering N card pages from the CFO.gov sample)
 * is copied below .generated/bench/ (so it resolves this project's next, react and react-dom, the
 * same versions it pins), built with the same timer as the portal and served by `next start`.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { root, startNext, timed } from './lib';

const source = path.resolve(root, '../shared/bench/next-reference');
const corpus = path.resolve(root, '../shared/corpus/cfo-cards-sample');

export interface Reference {
  readonly dir: string;
  readonly seconds: number;
  readonly peakMb: number | null;
  readonly cardPath: string;
}

/** Builds the reference site with `n` cards, or says why it cannot. */
export function buildReference(n: number): Reference | string {
  if (!existsSync(source)) return 'skipped: ../shared/bench/next-reference is absent';
  if (!existsSync(corpus)) return 'skipped: ../shared/corpus (its card data) is absent';
  const dir = path.join(root, '.generated', 'bench', 'next-reference');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  cpSync(path.join(source, 'app'), path.join(dir, 'app'), { recursive: true });
  cpSync(path.join(source, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
  cpSync(path.join(source, 'package.json'), path.join(dir, 'package.json'));
  // The same data its own `run` script makes: the sample's cards repeated with unique slugs.
  const files = readdirSync(corpus)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const cards = Array.from({ length: n }, (_, i) => {
    const text = readFileSync(path.join(corpus, files[i % files.length]!), 'utf8');
    const title = /^title:\s*(.*)$/mu.exec(text)?.[1] ?? '';
    const desc = /^competency_description:\s*(.*)$/mu.exec(text)?.[1] ?? '';
    return { slug: `card-${String(i).padStart(5, '0')}`, title: `${title} ${i}`, desc, body: text.split('---').slice(2).join('---') };
  });
  writeFileSync(path.join(dir, 'data/cards.json'), JSON.stringify(cards));
  const t = timed(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], dir, { NEXT_TELEMETRY_DISABLED: '1' });
  return { dir, seconds: +t.seconds.toFixed(1), peakMb: t.peakMb, cardPath: '/cards/card-00001' };
}

export function startReference(ref: Reference, port: number): Promise<ChildProcess> {
  return startNext(ref.dir, port, {}, ref.cardPath);
}
