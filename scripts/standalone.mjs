// `npm run standalone -- <folder>` (node scripts/standalone.mjs <folder>): the portal as one folder
// that runs on its own, `node dist/server.mjs` inside it — no npm install, no repository, no dev
// dependencies (ADR 0024). The Dockerfile's runtime stage is this folder; a browser test starts it
// from a copy outside the repository.
//
// It is Next's `output: 'standalone'` folder (<distDir>/standalone: Next's server files and the
// node_modules files its pages were traced to need) completed with what the portal's own server
// adds: its bundles (dist/) and the node_modules files they were traced to need, the rest of the
// build folder (static files, static pages, content), public/, the migrations, and the USWDS fonts
// the PDF export embeds (found at run time, so no trace sees them). The server reads Next's
// configuration from the build (server/main.ts), so next.config.mjs is not needed.
import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = process.cwd();
const distName = process.env.NEXT_DIST_DIR || '.next';
const distDir = path.resolve(distName);
const target = process.argv[2];

function fail(message) {
  console.error(`standalone: ${message}`);
  process.exit(1);
}

if (!target) fail('usage: node scripts/standalone.mjs <folder> (a folder that does not exist yet, or is empty)');
if (!existsSync(path.join(root, 'package.json')) || !existsSync(path.join(root, 'server/main.ts'))) fail('run it from the repository root.');
const out = path.resolve(target);
if (existsSync(out) && readdirSync(out).length > 0) fail(`${out} is not empty: give a new or empty folder.`);
const standalone = path.join(distDir, 'standalone');
if (!existsSync(path.join(standalone, 'server.js'))) fail(`${standalone} is missing: run npm run build first (next.config.mjs sets output: 'standalone').`);
for (const bundle of ['dist/server.mjs', 'dist/pdf-worker.mjs']) {
  if (!existsSync(bundle)) fail(`${bundle} is missing: run npm run build first.`);
}

const started = performance.now();
const copy = (from, to = from) => cpSync(path.resolve(root, from), path.join(out, to), { recursive: true, verbatimSymlinks: true });

mkdirSync(out, { recursive: true });
// Next's part. Its server.js is not used: dist/server.mjs is the portal's server (ADR 0011).
cpSync(standalone, out, { recursive: true, verbatimSymlinks: true });
// The rest of the build folder: _next/static, the static pages, the content, Next's manifests.
for (const entry of readdirSync(distDir)) {
  if (['standalone', 'cache', 'types', 'diagnostics', 'trace', 'trace-build'].includes(entry)) continue;
  copy(path.join(distName, entry));
}
for (const folder of ['dist', 'public', 'drizzle']) copy(folder);

// What the portal's bundles load from node_modules (pg, PGlite, pdfkit…), by Next's own tracer.
const { nodeFileTrace } = require('next/dist/compiled/@vercel/nft');
// Next itself is left out: its standalone output already holds what `require('next')` loads (its
// own server.js starts that way), and tracing all of Next again took 20 s.
const { fileList } = await nodeFileTrace(['dist/server.mjs', 'dist/pdf-worker.mjs'], {
  base: root,
  processCwd: root,
  ignore: (file) => file.startsWith('node_modules/next/'),
});
// Found at run time by the PDF export (lib/export/pdf.ts): the package's main file and its fonts.
const uswdsMain = path.relative(root, require.resolve('@uswds/uswds'));
const uswdsFonts = path.join(path.dirname(uswdsMain), '../fonts/public-sans');
const extra = [
  uswdsMain,
  path.join(uswdsMain, '../../../package.json'),
  path.join(uswdsFonts, 'PublicSans-Regular.ttf'),
  path.join(uswdsFonts, 'PublicSans-Bold.ttf'),
];
let added = 0;
for (const file of [...fileList, ...extra]) {
  const to = path.join(out, file);
  if (existsSync(to) || !statSync(path.join(root, file), { throwIfNoEntry: false })?.isFile()) continue;
  mkdirSync(path.dirname(to), { recursive: true });
  cpSync(path.join(root, file), to, { verbatimSymlinks: true });
  added += 1;
}

console.log(
  `standalone: ${path.relative(root, out) || out} in ${((performance.now() - started) / 1000).toFixed(1)} s (${added} file(s) added to Next's trace); start it with \`node dist/server.mjs\` there (NEXT_DIST_DIR=${distName}).`,
);
