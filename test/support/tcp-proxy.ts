/**
 * A TCP proxy a test controls, in front of a real server (PostgreSQL in the fault tests): `down()`
 * drops every connection and refuses new ones (as a database that stops), `up()` lets them
 * through again, `delay(ms)` holds every chunk from the server for `ms` (a slow database).
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export class TcpProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private state: 'up' | 'down' = 'up';
  private delayMs = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async listen(): Promise<number> {
    this.server = createServer((client) => {
      if (this.state === 'down') {
        client.destroy();
        return;
      }
      const upstream = connect(this.target.port, this.target.host);
      this.sockets.add(client).add(upstream);
      const forget = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('error', forget).on('close', forget);
      upstream.on('error', forget).on('close', forget);
      client.on('data', (chunk) => upstream.write(chunk));
      upstream.on('data', (chunk) => {
        if (this.delayMs === 0) client.write(chunk);
        else setTimeout(() => client.writable && client.write(chunk), this.delayMs);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('the proxy has no port');
    return address.port;
  }

  down(): void {
    this.state = 'down';
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  up(): void {
    this.state = 'up';
  }

  delay(ms: number): void {
    this.delayMs = ms;
  }

  async close(): Promise<void> {
    this.down();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
