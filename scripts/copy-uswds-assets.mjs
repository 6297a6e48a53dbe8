// Copies USWDS' fonts and images into public/uswds/ so the portal serves them itself
// (the theme's $theme-font-path and $theme-image-path point there). Generated, not committed.
// Copied again only when the installed USWDS differs from the one copied (public/uswds/.copied):
// a publish does not rewrite 16 MB of fonts on every build.
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
// The package's exports hide package.json; its main entry is dist/js/uswds.min.js.
const root = path.resolve(path.dirname(require.resolve('@uswds/uswds')), '../..');
const target = path.resolve('public/uswds');
const stampFile = path.join(target, '.copied');
const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
const stamp = `@uswds/uswds ${version}\n`;
const copied = await readFile(stampFile, 'utf8').catch(() => null);
const favicon = path.resolve('public/favicon.ico');
const present = (file) =>
  stat(file).then(
    () => true,
    () => false,
  );
if (copied === stamp && (await present(favicon)) && (await present(path.join(target, 'fonts'))) && (await present(path.join(target, 'img')))) {
  console.log(`assets: USWDS ${version} fonts and images already in public/uswds/`);
} else {
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  await cp(path.join(root, 'dist/fonts'), path.join(target, 'fonts'), { recursive: true });
  await cp(path.join(root, 'dist/img'), path.join(target, 'img'), { recursive: true });
  // Browsers ask for /favicon.ico on every site: serve USWDS' rather than a 404.
  await cp(path.join(root, 'dist/img/favicons/favicon.ico'), favicon);
  await writeFile(stampFile, stamp);
  console.log(`assets: USWDS ${version} fonts and images copied to public/uswds/, favicon to public/`);
}
