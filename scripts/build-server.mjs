// Bundles the portal's own server (server/main.ts) and the PDF worker (lib/export/pdf-worker.ts)
// into dist/ with esbuild; node_modules stay external (resolved at run time, like Next's server).
// Also the static pages' browser script (islands/).
import { build } from 'esbuild';

const started = Date.now();
// The two bundles are independent: esbuild builds them at the same time.
await Promise.all([
  build({
    entryPoints: { server: 'server/main.ts', 'pdf-worker': 'lib/export/pdf-worker.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    tsconfig: 'tsconfig.json',
  }),
  // The static pages' script (lib/pages/static.tsx): for browsers, small, served from public/.
  build({
    entryPoints: { islands: 'islands/static-pages.ts' },
    outdir: 'public/assets',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: ['es2022'],
    minify: true,
    logLevel: 'warning',
    tsconfig: 'tsconfig.json',
  }),
]);
console.log(`server: dist/server.mjs, dist/pdf-worker.mjs and public/assets/islands.js built in ${Date.now() - started} ms`);
