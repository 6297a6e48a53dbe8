// `npm run dev`: the content step watching content/ (scripts/contentlayer.mjs dev --content-step)
// and, once Contentlayer has generated its first output, the portal's server in development mode
// (`next dev` inside dist/server.mjs). An edited card, a new, deleted or renamed one, or a changed
// course list reaches the pages through the files `next dev` imports, which it refreshes in the
// browser. Ctrl-C (or either process ending) stops both.
import { spawn } from 'node:child_process';
import process from 'node:process';

const children = new Set();
const stopAll = (code) => {
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(0));

function start(args, options = {}) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (children.size > 0) stopAll(code ?? (signal ? 1 : 0));
  });
  return child;
}

const content = start(['scripts/contentlayer.mjs', 'dev', '--content-step'], { stdio: ['ignore', 'pipe', 'inherit'] });
let seen = '';
let server = null;
content.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (server) return;
  seen = (seen + chunk.toString()).slice(-2000);
  // Contentlayer's line after each generation: "Generated 534 documents in .contentlayer".
  if (/Generated \d+ documents?/u.test(seen)) server = start(['dist/server.mjs', '--dev']);
});
