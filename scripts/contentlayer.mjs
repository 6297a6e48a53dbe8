// Runs Contentlayer2's CLI (`node scripts/contentlayer.mjs build`) with Effect-TS fiber tracing off.
// The CLI's first import switches tracing on, and the Effect runtime then keeps execution and stack
// traces for every fiber it forks: profiled, copying those trace buffers took most of a build, and
// the cost grows faster than the number of cards (about 290 s for 10,000). Loading the runtime
// before the CLI fixes its platform with tracing off; nothing else changes (ADR 0002).
//
// `node scripts/contentlayer.mjs build --content-step` is the whole content step of `npm run build`
// and `npm run content`: first scripts/content-build.ts (bundled here by esbuild into dist/tools/
// and run by node: no tsx start-up or transpiling), then the CLI. A card with an error stops it
// there, before Contentlayer or Next writes anything.
//
// `node scripts/contentlayer.mjs dev --content-step` (`npm run dev`, scripts/dev.mjs) runs the same
// check once, then keeps it watching content/ (`--watch`) beside the CLI's own watch mode
// (`contentlayer2 dev`, which regenerates .contentlayer/ from .content/): an edited card reaches
// `next dev` through the files it imports. A broken card does not stop it.
import '@effect-ts/system/Effect/runtime';
import { spawn } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';

const contentStep = process.argv.indexOf('--content-step');
let cli;
if (contentStep === -1) cli = await import('@contentlayer2/cli');
else {
  process.argv.splice(contentStep, 1);
  const { build } = await import('esbuild');
  const outfile = path.join('dist', 'tools', 'content-build.mjs');
  await build({
    entryPoints: ['scripts/content-build.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    tsconfig: 'tsconfig.json',
  });
  const dev = process.argv.includes('dev');
  // The CLI's modules load (about 1.5 s) while the content step checks the cards on the other core.
  const checked = new Promise((resolve) => {
    const child = spawn(process.execPath, [outfile], { stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('exit', (code) => resolve(code ?? 1));
  });
  cli = await import('@contentlayer2/cli');
  const status = await checked;
  if (status !== 0 && !dev) process.exit(status);
  if (dev) {
    // The watcher: its first run finds nothing changed (the parse cache), then it waits for edits.
    const watcher = spawn(process.execPath, [outfile, '--watch'], { stdio: 'inherit' });
    const stop = () => watcher.kill('SIGTERM');
    process.on('exit', stop);
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
    watcher.on('exit', (code, signal) => {
      if (signal !== 'SIGTERM') {
        console.error(`content: the watcher stopped (${signal ?? `exit ${code}`})`);
        process.exit(1);
      }
    });
  }
}
await cli.run();
