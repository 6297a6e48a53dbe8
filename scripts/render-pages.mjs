// Runs scripts/render-pages.tsx (the static card and compare pages, ADR 0013) after `next build`:
// bundled first with esbuild — it reads Contentlayer's output (an ES module with JSON imports) and
// renders the site's React components — then run.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';

const distDir = process.env.NEXT_DIST_DIR || '.next';
const outfile = path.join(distDir, 'render-pages.cjs');
await build({
  entryPoints: ['scripts/render-pages.tsx'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  jsx: 'automatic',
  logLevel: 'warning',
  tsconfig: 'tsconfig.json',
  alias: { 'contentlayer/generated': './.contentlayer/generated/index.mjs' },
  define: { 'process.env.NODE_ENV': '"production"' },
});
const run = spawnSync(process.execPath, [outfile], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
process.exit(run.status ?? 1);
