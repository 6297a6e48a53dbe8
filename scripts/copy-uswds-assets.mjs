// Copies USWDS' fonts and images into public/uswds/ so the portal serves them itself
// (the theme's $theme-font-path and $theme-image-path point there). Generated, not committed.
import { cp, mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
// The package's exports hide package.json; its main entry is dist/js/uswds.min.js.
const root = path.resolve(path.dirname(require.resolve('@uswds/uswds')), '../..');
const target = path.resolve('public/uswds');
await rm(target, { recursive: true, force: true });
await mkdir(target, { recursive: true });
await cp(path.join(root, 'dist/fonts'), path.join(target, 'fonts'), { recursive: true });
await cp(path.join(root, 'dist/img'), path.join(target, 'img'), { recursive: true });
// Browsers ask for /favicon.ico on every site: serve USWDS' rather than a 404.
await cp(path.join(root, 'dist/img/favicons/favicon.ico'), path.resolve('public/favicon.ico'));
console.log('assets: USWDS fonts and images copied to public/uswds/, favicon to public/');
