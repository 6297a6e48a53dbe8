// Writes deploy/nginx.conf.template filled in for one setup (ADR 0023): where the build is, the
// instances, where nginx listens and keeps its files — and the headers, copied from what a running
// instance sends for a static page and a public file, so that nginx serving the same files sends
// the same security headers and Content-Security-Policy.
//
//   node scripts/nginx-conf.mjs --from http://127.0.0.1:3201 --listen 127.0.0.1:8080 \
//     --upstream 127.0.0.1:3201 --upstream 127.0.0.1:3202 --run /var/lib/fm-nginx > nginx.conf
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
/** The headers a page's answer carries that nginx must send the same (the browser test compares them). */
export const COPIED = JSON.parse(readFileSync(path.join(root, 'deploy/copied-headers.json'), 'utf8'));

const quote = (value) => `"${value.replace(/\\/gu, '\\\\').replace(/"/gu, '\\"')}"`;
const addHeaders = (headers, indent = '      ') => headers.map(([k, v]) => `${indent}add_header ${k} ${quote(v)} always;`).join('\n');

async function headersOf(url) {
  const response = await fetch(url, { redirect: 'manual' });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: the instance must be running and built`);
  await response.arrayBuffer();
  return response.headers;
}

/**
 * @param {{ from: string, listen: string, upstreams: string[], run: string, dist: string, publicDir?: string }} o
 * @returns {Promise<string>}
 */
export async function nginxConf(o) {
  const manifest = JSON.parse(readFileSync(path.join(o.dist, 'static-pages/manifest.json'), 'utf8'));
  const first = Object.keys(manifest.pages)[0];
  if (!first) throw new Error(`${o.dist} has no static pages: build first`);
  const page = await headersOf(`${o.from}${first}`);
  const asset = await headersOf(`${o.from}/assets/islands.js`);
  const copied = (h) => COPIED.filter((k) => h.get(k) !== null).map((k) => [k, h.get(k)]);
  const security = copied(page).filter(([k]) => k !== 'content-security-policy');
  const fill = {
    RUN: o.run,
    DIST: path.resolve(o.dist),
    PUBLIC: path.resolve(o.publicDir ?? path.join(root, 'public')),
    LISTEN: o.listen,
    UPSTREAMS: o.upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=5s;`).join('\n'),
    PAGE_HEADERS: addHeaders([...copied(page), ['Cache-Control', page.get('cache-control') ?? 'public, max-age=0, must-revalidate']]),
    ASSET_HEADERS: addHeaders([...security, ['Cache-Control', 'public, max-age=31536000, immutable']]),
    PUBLIC_HEADERS: addHeaders([...copied(asset), ['Cache-Control', asset.get('cache-control') ?? 'public, max-age=0']]),
    PROXY: readFileSync(path.join(root, 'deploy/proxy.conf'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.trim().startsWith('#'))
      .map((line) => `      ${line}`)
      .join('\n'),
  };
  return readFileSync(path.join(root, 'deploy/nginx.conf.template'), 'utf8').replace(/\{\{([A-Z_]+)\}\}/gu, (_, key) => {
    if (!(key in fill)) throw new Error(`deploy/nginx.conf.template: unknown placeholder {{${key}}}`);
    return fill[key];
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      listen: { type: 'string', default: '127.0.0.1:8080' },
      upstream: { type: 'string', multiple: true },
      run: { type: 'string', default: path.join(root, '.data/nginx') },
      dist: { type: 'string', default: path.join(root, process.env.NEXT_DIST_DIR || '.next') },
    },
  });
  if (!values.from || !values.upstream?.length) {
    console.error(
      'usage: node scripts/nginx-conf.mjs --from http://<instance> --upstream <host:port> [--upstream …] [--listen host:port] [--run dir] [--dist dir]',
    );
    process.exit(2);
  }
  nginxConf({ from: values.from, listen: values.listen, upstreams: values.upstream, run: values.run, dist: values.dist }).then(
    (conf) => process.stdout.write(conf),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
