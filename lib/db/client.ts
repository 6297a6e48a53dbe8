import 'server-only';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { env } from '../env';
import { lockDataDirectory } from './pglite-lock';
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
    const pool = new Pool({ connectionString: e.DATABASE_URL, max: 10 });
    const db = drizzle(pool, { schema });
    await migrate(db, { migrationsFolder: MIGRATIONS });
    return db;
  }
  const dir = path.resolve(e.PGLITE_DIR);
  lockDataDirectory(dir);
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = await PGlite.create(dir);
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
