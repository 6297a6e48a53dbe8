/**
 * The baseline server: a plain static file server (node:http, files read and gzipped once),
 * nothing else. Like the portal's static tier, it sends the gzipped copy to a client that takes it.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';

export function staticServer(files: Record<string, string>, port: number): Promise<Server> {
  const bodies = new Map(
    Object.entries(files).map(([url, file]) => {
      const plain = readFileSync(file);
      return [url, { plain, gzip: gzipSync(plain, { level: 9 }) }] as const;
    }),
  );
  const server = createServer((req, res) => {
    const body = bodies.get((req.url ?? '/').split('?')[0] ?? '/');
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    const gzip = /\bgzip\b/u.test(String(req.headers['accept-encoding'] ?? ''));
    const data = gzip ? body.gzip : body.plain;
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': data.length,
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.end(data);
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
