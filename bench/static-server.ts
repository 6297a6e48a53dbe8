/** The baseline server: a plain static file server (node:http, files read once), nothing else. */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';

export function staticServer(files: Record<string, string>, port: number): Promise<Server> {
  const bodies = new Map(Object.entries(files).map(([url, file]) => [url, readFileSync(file)]));
  const server = createServer((req, res) => {
    const body = bodies.get((req.url ?? '/').split('?')[0] ?? '/');
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
    res.end(body);
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
