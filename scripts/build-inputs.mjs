// What `next build` compiles, as one hash (scripts/build.mjs, ADR 0019): the site's code, styles,
// configuration and locked dependencies, the environment Next reads at build time, and Node's
// version. Content is not part of it: a production build's server reads the content at start-up
// (lib/cards/documents.built.ts), so a build whose inputs hash the same needs no `next build`.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Folders of code Next compiles (all of their files). */
export const INPUT_DIRS = ['app', 'components', 'lib', 'islands', 'styles', 'types'];
/**
 * Every file at the top of the project counts (configuration Next finds by itself —
 * instrumentation.ts, postcss.config.mjs, .browserslistrc, .env files… — included), except these,
 * which no build reads or which a build writes.
 */
export const NOT_INPUTS =
  /^(?:.*\.md|\.gitignore|\.prettierignore|\.dockerignore|Dockerfile|\.time\.txt|\.content-status\.json|next-env\.d\.ts|.*\.tsbuildinfo)$/u;

/** The kind of a path, following symbolic links; null when it cannot be read. */
function kind(file) {
  try {
    const stats = statSync(file);
    return stats.isDirectory() ? 'dir' : stats.isFile() ? 'file' : null;
  } catch {
    return null;
  }
}

function filesUnder(root, dir, out) {
  const full = path.join(root, dir);
  if (kind(full) !== 'dir') return;
  for (const name of readdirSync(full)) {
    const rel = path.join(dir, name);
    const k = kind(path.join(root, rel));
    if (k === 'dir') filesUnder(root, rel, out);
    else if (k === 'file') out.push(rel);
  }
}

/**
 * The hash of the build's inputs in `root`. `env`: the environment of the build — every NEXT_
 * variable (NEXT_PUBLIC_ ones are written into the browser's code; NEXT_DIST_DIR,
 * NEXT_DEPLOYMENT_ID… change the output) and NODE_ENV count.
 * @param {string} root
 * @param {Record<string, string | undefined>} env
 * @returns {{ hash: string, files: number }}
 */
export function buildInputs(root, env) {
  const files = [];
  for (const dir of INPUT_DIRS) filesUnder(root, dir, files);
  for (const name of readdirSync(root)) if (!NOT_INPUTS.test(name) && kind(path.join(root, name)) === 'file') files.push(name);
  files.sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file.split(path.sep).join('/')}\0`);
    hash.update(
      createHash('sha256')
        .update(readFileSync(path.join(root, file)))
        .digest(),
    );
  }
  const vars = Object.keys(env)
    .filter((k) => k.startsWith('NEXT_') || k === 'NODE_ENV')
    .sort()
    .map((k) => `${k}=${env[k] ?? ''}`);
  hash.update(`\0env\0${vars.join('\0')}\0node\0${process.version}`);
  return { hash: hash.digest('hex'), files: files.length };
}
