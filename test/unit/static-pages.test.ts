import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { inlineScriptHashes, withoutNonces } from '@/lib/pages/flight';
import { loadStaticPages, type StaticPages } from '@/server/static-pages';

/** What Next answers for the three routes the server keeps copies of (ADR 0019), with a nonce as it renders them. */
const NONCE = 'bm9uY2Utb2YtdGhlLXJlcXVlc3Q=';
const page = (title: string) =>
  [
    `<!DOCTYPE html><html><head><link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="${NONCE}"/>`,
    `<script src="/_next/static/chunks/b.js" async="" nonce="${NONCE}"></script></head><body><h1>${title}</h1>`,
    `<script nonce="${NONCE}">requestAnimationFrame(function(){$RT=performance.now()});</script>`,
    `<script nonce="${NONCE}">(self.__next_f=self.__next_f||[]).push([0])</script>`,
    `<script nonce="${NONCE}">self.__next_f.push([1,"0:{\\"title\\":\\"${title}\\"}\\n"])</script>`,
    '</body></html>',
  ].join('');

let origin: Server | null = null;
let dist = '';
afterEach(() => {
  origin?.close();
  origin = null;
  if (dist) rmSync(dist, { recursive: true, force: true });
});

async function next(answers: Record<string, { status?: number; type: string; body: string }>): Promise<string> {
  origin = createServer((req, res) => {
    const answer = answers[req.url ?? ''];
    res.writeHead(answer?.status ?? (answer ? 200 : 404), {
      'Content-Type': answer?.type ?? 'text/plain',
      'Content-Security-Policy': `script-src 'nonce-${NONCE}'`,
    });
    res.end(answer?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => origin!.listen(0, '127.0.0.1', resolve));
  const address = origin.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

/** Sends one request to the static tier through a real socket; null when it falls through to Next. */
async function ask(pages: StaticPages, url: string, headers: Record<string, string> = {}) {
  const server = createServer((req, res) => {
    if (!pages.serve(req, res)) {
      res.writeHead(599);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  try {
    return await new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer } | null>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port, path: url, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(res.statusCode === 599 ? null : { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
  } finally {
    server.close();
  }
}

const csp = (hashes: readonly string[]) => `script-src 'self'${hashes.map((h) => ` ${h}`).join('')}`;

describe('the copies of /, /cards and /data/cards.json the server keeps from its start', () => {
  it('are sent without the render’s nonce, with their payload in an immutable script file and every inline script allowed by its hash', async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'fm-dist-'));
    const url = await next({
      '/': { type: 'text/html; charset=utf-8', body: page('Front door') },
      '/cards': { type: 'text/html; charset=utf-8', body: page('Competency cards') },
      '/data/cards.json': { type: 'application/json', body: '[{"slug":"510-Customer-Service-Mid"}]' },
    });
    const pages = loadStaticPages(dist, csp, true);
    await pages.snapshot(url);

    const cards = await ask(pages, '/cards');
    expect(cards?.status).toBe(200);
    const html = cards!.body.toString();
    expect(html).toContain('<h1>Competency cards</h1>');
    expect(html).not.toContain('nonce');
    expect(html).not.toContain('__next_f');
    const policy = cards!.headers['content-security-policy'] ?? '';
    expect(policy).not.toContain(NONCE);
    expect(policy).toBe(csp(inlineScriptHashes(html)));
    expect(inlineScriptHashes(html)).toHaveLength(1);

    const src = /<script src="(\/_next\/static\/flight\/[\w-]+\.js)"><\/script>/u.exec(html)?.[1];
    expect(src).toBeDefined();
    const flight = await ask(pages, src!);
    expect(flight?.headers['cache-control']).toContain('immutable');
    expect(flight?.body.toString()).toContain('self.__next_f.push([1,"0:{\\"title\\":\\"Competency cards\\"}\\n"])');
    // Also on disk beside Next's static files, for a reverse proxy or another instance.
    expect(readFileSync(path.join(dist, 'static', src!.slice('/_next/static/'.length)), 'utf8')).toBe(flight?.body.toString());

    const gzipped = await ask(pages, '/', { 'Accept-Encoding': 'gzip' });
    expect(gzipped?.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped!.body).toString()).toContain('<h1>Front door</h1>');
    const again = await ask(pages, '/', { 'If-None-Match': gzipped!.headers.etag ?? '' });
    expect(again?.status).toBe(304);

    const data = await ask(pages, '/data/cards.json');
    expect(data?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(data!.body.toString())).toEqual([{ slug: '510-Customer-Service-Mid' }]);
    // A query string, or the React app's own navigation, is Next's to answer.
    expect(await ask(pages, '/cards?series=0510')).toBeNull();
    expect(await ask(pages, '/cards', { RSC: '1' })).toBeNull();
  });

  it('refuse to start from an answer that is not a page: an error status, a redirect or a render with an error in it, naming the route', async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'fm-dist-'));
    const ok = { type: 'text/html', body: page('x') };
    for (const [answer, message] of [
      [{ status: 500, type: 'text/plain', body: 'Internal Server Error' }, /\/cards answered 500/u],
      [{ status: 307, type: 'text/plain', body: '' }, /\/cards answered 307/u],
      [{ type: 'text/html', body: '<template data-dgst="123"></template>' }, /\/cards was rendered with an error in it/u],
    ] as const) {
      const url = await next({ '/': ok, '/cards': answer, '/data/cards.json': { type: 'application/json', body: '[]' } });
      await expect(loadStaticPages(dist, csp, true).snapshot(url)).rejects.toThrow(message);
      origin?.close();
    }
  });

  it('nonces go from script, link and style tags only; the page’s text keeps the word', () => {
    expect(withoutNonces(`<script nonce="abc">x</script><link rel="preload" nonce="abc"/><p>nonce="abc"</p>`)).toBe(
      `<script>x</script><link rel="preload"/><p>nonce="abc"</p>`,
    );
  });
});
