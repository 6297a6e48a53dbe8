// `npm run build`: the production build, step by step (ADR 0015, ADR 0019).
//
//   1. side by side: USWDS' assets (scripts/copy-uswds-assets.mjs), the portal's server and the
//      static pages' script (scripts/build-server.mjs), and the content step (check content/, then
//      Contentlayer: scripts/contentlayer.mjs). A card with an error stops the build here.
//   2. `next build` — unless BUILD_CACHE=1 and nothing it compiles changed since the last build in
//      this output folder (scripts/build-inputs.mjs): the server's bundles hold no content (they
//      read it at start-up, lib/cards/documents.built.ts), so a content-only publish reuses them.
//   3. the content the build serves: Contentlayer's documents, in <distDir>/content/documents.json.
//   4. the static card and compare pages and the prerendered pages' CSP (scripts/render-pages.mjs).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildInputs } from './build-inputs.mjs';

const require = createRequire(import.meta.url);
const distDir = path.resolve(process.env.NEXT_DIST_DIR || '.next');
const inputsFile = path.join(distDir, 'build-inputs.json');
const started = performance.now();

const steps = [];
/** Runs `node <args>`; resolves when it exits 0, exits this process with its status otherwise. */
function node(args, what) {
  const begun = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`build: ${what} could not start: ${error.message}`);
      process.exit(1);
    });
    child.on('exit', (code, signal) => {
      if (code === 0) {
        steps.push(`${what} ${((performance.now() - begun) / 1000).toFixed(1)} s`);
        resolve();
      } else {
        console.error(`build: ${what} failed (${signal ?? `exit ${code}`})`);
        process.exit(code || 1);
      }
    });
  });
}

await Promise.all([
  node(['scripts/copy-uswds-assets.mjs'], 'assets'),
  node(['scripts/build-server.mjs'], 'server'),
  node(['scripts/contentlayer.mjs', 'build', '--content-step'], 'content'),
]);

const inputs = buildInputs(process.cwd(), process.env);
const previous = (() => {
  try {
    return JSON.parse(readFileSync(inputsFile, 'utf8')).hash;
  } catch {
    return null;
  }
})();
const reuse = process.env.BUILD_CACHE === '1' && previous === inputs.hash && existsSync(path.join(distDir, 'BUILD_ID'));
if (reuse) {
  console.log(
    `build: next build skipped: none of its ${inputs.files} input files changed since the build in ${path.relative(process.cwd(), distDir) || '.'} (BUILD_CACHE=1)`,
  );
} else {
  rmSync(inputsFile, { force: true });
  await node([require.resolve('next/dist/bin/next'), 'build'], 'next build');
  writeFileSync(inputsFile, `${JSON.stringify({ hash: inputs.hash, files: inputs.files })}\n`);
}

// The documents the server reads at start-up, in one file replaced whole: a server starting
// meanwhile reads the old or the new content, never half of it nor new cards with old courses.
const contentDir = path.join(distDir, 'content');
mkdirSync(contentDir, { recursive: true });
const generated = (type) => readFileSync(path.resolve('.contentlayer/generated', type, '_index.json'), 'utf8');
const temporary = path.join(contentDir, `.documents.json.${process.pid}`);
writeFileSync(temporary, `{"cards":${generated('Card')},"courses":${generated('Course')}}\n`);
renameSync(temporary, path.join(contentDir, 'documents.json'));

await node(['scripts/render-pages.mjs'], 'pages');
console.log(`build: done in ${((performance.now() - started) / 1000).toFixed(1)} s${reuse ? ' (content only)' : ''}: ${steps.join(', ')}`);
