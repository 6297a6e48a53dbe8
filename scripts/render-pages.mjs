// The two steps after `next build`, side by side: scripts/csp-hashes.ts (the prerendered pages'
// hash CSP, ADR 0008) and scripts/render-pages.tsx (the static card and compare pages, ADR 0013).
// Both are bundled first with esbuild — render-pages reads Contentlayer's output (an ES module with
// JSON imports) and renders the site's React components; neither needs tsx's start-up and
// transpiling — then run, each in its own process: they read and write different files
// (csp-hashes: server/app/*.meta and csp-hashes.json; render-pages: static-pages/), so they run at
// the same time. Either failing fails the build.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';

const distDir = process.env.NEXT_DIST_DIR || '.next';
await build({
  entryPoints: { 'render-pages': 'scripts/render-pages.tsx', 'csp-hashes': 'scripts/csp-hashes.ts' },
  outdir: distDir,
  outExtension: { '.js': '.cjs' },
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

/** Runs a bundled step; resolves to its exit status. */
const step = (name) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(distDir, `${name}.cjs`)], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    child.on('error', (error) => {
      console.error(`${name}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });

const statuses = await Promise.all([step('csp-hashes'), step('render-pages')]);
process.exit(statuses.find((s) => s !== 0) ?? 0);
