// POST /api/write?user=N: toggles one row for person N — a delete, then (if nothing was deleted) an
// insert that does nothing on conflict: the same one-row write the portal's bookmark toggle does,
// on the same kind of database (PostgreSQL at DATABASE_URL, else PGlite in PGLITE_DIR).
import type { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';

type Query = (text: string, params: unknown[]) => Promise<{ rows: unknown[] }>;
let ready: Promise<Query> | null = null;

async function open(): Promise<Query> {
  let query: Query;
  if (process.env.DATABASE_URL) {
    const { Pool: PgPool } = await import('pg');
    const pool: Pool = new PgPool({ connectionString: process.env.DATABASE_URL, max: 10 });
    query = (text, params) => pool.query(text, params);
  } else {
    const { PGlite: Lite } = await import('@electric-sql/pglite');
    const db: PGlite = await Lite.create(process.env.PGLITE_DIR ?? '.data/write-baseline');
    query = (text, params) => db.query(text, params);
  }
  await query('create table if not exists write_baseline (person integer not null, permalink text not null, primary key (person, permalink))', []);
  return query;
}

export async function POST(request: Request): Promise<Response> {
  ready ??= open();
  const query = await ready;
  const person = Number(new URL(request.url).searchParams.get('user') ?? '0');
  const removed = await query('delete from write_baseline where person = $1 and permalink = $2 returning person', [person, '/cards/x']);
  if (removed.rows.length === 0) await query('insert into write_baseline (person, permalink) values ($1, $2) on conflict do nothing', [person, '/cards/x']);
  return Response.json({ ok: true });
}

/** GET answers once the server is up (the bench waits on it); it writes nothing. */
export function GET(): Response {
  return Response.json({ ok: true });
}
