// Bundles the portal's own server (server/main.ts) and the PDF worker (lib/export/pdf-worker.ts)
// into dist/ with esbuild; node_modules stay external (resolved at run time, like Next's server).
import { build } from 'esbuild';

const started = Date.now();
await build({
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
});
console.log(`server: dist/server.mjs and dist/pdf-worker.mjs built in ${Date.now() - started} ms`);
