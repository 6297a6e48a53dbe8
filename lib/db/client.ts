import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { env } from '../env';
import { onDatabaseClose } from './lifecycle';
import { lockDataDirectory } from './pglite-lock';
import { takeTurns } from './turns';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

const MIGRATIONS = path.join(process.cwd(), 'drizzle');

interface Holder {
  db?: Promise<Database>;
}
// One client per process, even when Next loads this module in several bundles.
const holder = globalThis as typeof globalThis & { __fmDatabase?: Holder };
holder.__fmDatabase ??= {};

async function open(): Promise<Database> {
  const e = env();
  if (e.DATABASE_URL) {
    const { Pool } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    // Bounded (ADR 0022): at most DB_POOL_SIZE connections; a request waits at most DB_TIMEOUT_MS
    // for one, and a query runs at most as long (checked by the client and by the server), after
    // which the request is answered 503 (lib/db/errors.ts). A connection the server drops (a
    // restart) is discarded and replaced on the next query: no restart of the portal needed.
    // The client's own limit is a second above the server's, so that the server cancels first and
    // a transaction is rolled back cleanly; a transaction left idle is ended by the server.
    const pool = new Pool({
      connectionString: e.DATABASE_URL,
      max: e.DB_POOL_SIZE,
      connectionTimeoutMillis: e.DB_TIMEOUT_MS,
      statement_timeout: e.DB_TIMEOUT_MS,
      query_timeout: e.DB_TIMEOUT_MS + 1000,
      idle_in_transaction_session_timeout: e.DB_TIMEOUT_MS * 2,
      idleTimeoutMillis: 30_000,
    });
    // An idle connection the server closes emits 'error' on the pool: logged, never a crash.
    pool.on('error', (error) => console.error(JSON.stringify({ event: 'database connection lost', error: error.message })));
    onDatabaseClose(() => pool.end());
    // Migrations run on a connection of their own, without the request limits (one may take longer).
    const migrator = new Pool({ connectionString: e.DATABASE_URL, max: 1, connectionTimeoutMillis: e.DB_TIMEOUT_MS });
    try {
      await migrate(drizzle(migrator, { schema }), { migrationsFolder: MIGRATIONS });
    } finally {
      await migrator.end();
    }
    return drizzle(pool, { schema });
  }
  const dir = path.resolve(e.PGLITE_DIR);
  await lockDataDirectory(dir);
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  // Queries take fair turns, with the event loop polling between them (lib/db/turns.ts).
  const client = takeTurns(await PGlite.create(dir));
  onDatabaseClose(() => client.close());
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS });
  return db;
}

/** The database, opened and migrated on first use (never at build time). */
export function getDb(): Promise<Database> {
  const state = holder.__fmDatabase ?? {};
  state.db ??= open().catch((error: unknown) => {
    state.db = undefined;
    throw error;
  });
  holder.__fmDatabase = state;
  return state.db;
}

const journalSchema = z.object({ entries: z.array(z.unknown()) });
const countSchema = z.object({ rows: z.array(z.object({ n: z.coerce.number() })) });

/** Whether the database answers and has every migration of drizzle/ applied (for /api/ready). */
export async function databaseStatus(): Promise<{ ok: true; kind: 'postgresql' | 'pglite'; migrations: number } | { ok: false; error: string }> {
  try {
    const db = await getDb();
    const expected = journalSchema.parse(JSON.parse(readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8'))).entries.length;
    const result = countSchema.parse(await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
    const applied = result.rows[0]?.n ?? 0;
    if (applied < expected) return { ok: false, error: `${expected - applied} database migration(s) are not applied yet.` };
    return { ok: true, kind: env().DATABASE_URL ? 'postgresql' : 'pglite', migrations: applied };
  } catch (error) {
    console.error('readiness: the database does not answer', error);
    return { ok: false, error: 'The database does not answer.' };
  }
}
