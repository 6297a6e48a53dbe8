import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { createTurns, takeTurns } from '@/lib/db/turns';

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('fair turns for the embedded database', () => {
  it('runs one call at a time, in the order they came', async () => {
    const turns = createTurns();
    const log: string[] = [];
    let running = 0;
    const job = (name: string) =>
      turns.run(async () => {
        running++;
        expect(running).toBe(1);
        log.push(`start ${name}`);
        await tick();
        log.push(`end ${name}`);
        running--;
        return name;
      });
    const results = await Promise.all(['a', 'b', 'c'].map(job));
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(turns.pending).toBe(0);
  });

  /** Where, among twenty queued turns, a connection made while the first one blocks is accepted. */
  async function acceptedAmong(turns: ReturnType<typeof createTurns>): Promise<string[]> {
    const events: string[] = [];
    const server = createServer((socket) => {
      events.push('accepted');
      socket.destroy();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    const work = Array.from({ length: 20 }, (_, i) =>
      turns.run(async () => {
        // The first turn blocks the thread, as PGlite's queries do, while another process connects:
        // the kernel queues the connection; only the event loop's poll phase can accept it.
        if (i === 0) execFileSync(process.execPath, ['-e', `require('node:net').connect(${port}, '127.0.0.1').on('connect', function () { this.destroy(); })`]);
        events.push(`turn ${i}`);
      }),
    );
    await Promise.all(work);
    // A moment for the event loop to accept it, if it has not yet.
    await new Promise((r) => setTimeout(r, 100));
    await new Promise<void>((r) => server.close(() => r()));
    return events;
  }

  it('lets the event loop poll after a long turn: a connection that arrives during it is accepted before the next', async () => {
    const events = await acceptedAmong(createTurns());
    expect(events.indexOf('accepted')).toBe(1);
    // Without polls (PGlite's own hand-over, a chain of microtasks) it waits for the whole queue.
    const chained = await acceptedAmong(createTurns(Number.POSITIVE_INFINITY));
    expect(chained.indexOf('accepted')).toBeGreaterThan(chained.indexOf('turn 19'));
  });

  it('a failing call rejects its own caller and the queue goes on', async () => {
    const turns = createTurns();
    const failing = turns.run(async () => {
      throw new Error('no such table');
    });
    const thrown = turns.run(() => {
      throw new Error('thrown synchronously');
    });
    const after = turns.run(async () => 'still served');
    await expect(failing).rejects.toThrow('no such table');
    await expect(thrown).rejects.toThrow('thrown synchronously');
    await expect(after).resolves.toBe('still served');
  });

  it('a PGlite client keeps its queries, execs and transactions (statements inside a transaction do not wait for a turn)', async () => {
    const db = takeTurns(await PGlite.create());
    try {
      await db.exec('create table t (n int)');
      const writes = Array.from({ length: 10 }, (_, i) =>
        i % 2 === 0
          ? db.query('insert into t values ($1)', [i])
          : db.transaction(async (tx) => {
              await tx.query('insert into t values ($1)', [i]);
              await tx.query('insert into t values ($1)', [i + 100]);
            }),
      );
      await Promise.all(writes);
      const { rows } = await db.query<{ n: number }>('select count(*)::int as n from t');
      expect(rows[0]?.n).toBe(15);
      await expect(db.transaction(async (tx) => tx.query('select * from missing'))).rejects.toThrow(/missing/u);
      expect((await db.query<{ n: number }>('select count(*)::int as n from t')).rows[0]?.n).toBe(15);
    } finally {
      await db.close();
    }
  });
});
