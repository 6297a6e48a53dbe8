import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db/client';
import { DatabaseLockedError, lockDataDirectory } from '@/lib/db/pglite-lock';
import { addBookmark, findBookmark, getProfile, listBookmarks, removeBookmark, removeBookmarkByPermalink, saveProfile } from '@/lib/db/queries';
import * as schema from '@/lib/db/schema';

const migrationsFolder = path.resolve(import.meta.dirname, '../../drizzle');

interface Backend {
  name: string;
  open: () => Promise<{ db: Database; close: () => Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'PGlite',
    open: async () => {
      const client = await PGlite.create();
      const db = drizzlePglite(client, { schema });
      await migratePglite(db, { migrationsFolder });
      return { db, close: () => client.close() };
    },
  },
];
const pgUrl = process.env.TEST_DATABASE_URL;
if (pgUrl) {
  backends.push({
    name: 'PostgreSQL',
    open: async () => {
      const pool = new Pool({ connectionString: pgUrl, max: 4 });
      const db = drizzlePg(pool, { schema });
      await migratePg(db, { migrationsFolder });
      return { db, close: () => pool.end() };
    },
  });
} else {
  console.warn('SKIPPED: the PostgreSQL run of the bookmark queries needs TEST_DATABASE_URL (.ci/run sets it).');
}

async function newUser(db: Database): Promise<string> {
  const id = randomUUID();
  await db.insert(schema.users).values({ id, name: `user ${id.slice(0, 8)}`, email: `${id}@example.gov` });
  return id;
}

const card = (permalink: string, competency = 'Customer Service') => ({ permalink, title: `Card ${permalink}`, competency, grade: 11, series: '0510' });

describe.each(backends)('bookmark and profile queries on $name', ({ open }) => {
  let db: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await open());
  });
  afterAll(async () => close());

  it('saves and updates a profile', async () => {
    const user = await newUser(db);
    expect(await getProfile(db, user)).toBeNull();
    await saveProfile(db, user, { series: '0510', grade: 9 });
    const updated = await saveProfile(db, user, { series: '0511', grade: 11 });
    expect(updated).toMatchObject({ userId: user, series: '0511', grade: 11 });
    expect(await getProfile(db, user)).toMatchObject({ series: '0511', grade: 11 });
  });

  it('adds a bookmark once, with the grade and series of the moment', async () => {
    const user = await newUser(db);
    const first = await addBookmark(db, user, card('/cards/510-Customer-Service-Mid'));
    const again = await addBookmark(db, user, { ...card('/cards/510-Customer-Service-Mid'), grade: 14 });
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.bookmark.id).toBe(first.bookmark.id);
    expect(again.bookmark).toMatchObject({ gradeAtBookmark: 11, seriesAtBookmark: '0510' });
    expect(first.bookmark.createdAt).toBeInstanceOf(Date);
    expect(await listBookmarks(db, user)).toHaveLength(1);
  });

  it('lists by competency, and keeps users apart', async () => {
    const alice = await newUser(db);
    const bob = await newUser(db);
    await addBookmark(db, alice, card('/cards/510-Resilience-Mid', 'Resilience'));
    await addBookmark(db, alice, card('/cards/510-Accountability-Mid', 'Accountability'));
    await addBookmark(db, bob, card('/cards/511-Resilience-Senior', 'Resilience'));
    expect((await listBookmarks(db, alice)).map((b) => b.competency)).toEqual(['Accountability', 'Resilience']);
    expect((await listBookmarks(db, bob)).map((b) => b.permalink)).toEqual(['/cards/511-Resilience-Senior']);
    expect(await findBookmark(db, bob, '/cards/510-Resilience-Mid')).toBeNull();
  });

  it('removes only the owner’s bookmark', async () => {
    const alice = await newUser(db);
    const bob = await newUser(db);
    const { bookmark } = await addBookmark(db, alice, card('/cards/510-Customer-Service-Senior'));
    expect(await removeBookmark(db, bob, bookmark.id)).toBe(false);
    expect(await removeBookmarkByPermalink(db, bob, bookmark.permalink)).toBe(false);
    expect(await listBookmarks(db, alice)).toHaveLength(1);
    expect(await removeBookmark(db, alice, bookmark.id)).toBe(true);
    expect(await removeBookmark(db, alice, bookmark.id)).toBe(false);
    expect(await listBookmarks(db, alice)).toEqual([]);
  });

  it('loses no concurrent writes', async () => {
    const user = await newUser(db);
    const permalinks = Array.from({ length: 25 }, (_, i) => `/cards/510-C${i}-Mid`);
    await Promise.all(permalinks.map((p) => addBookmark(db, user, card(p, `C${i(p)}`))));
    expect(await listBookmarks(db, user)).toHaveLength(25);
  });
});

function i(p: string): string {
  return p.replace(/\D/gu, '');
}

describe('the PGlite data directory lock', () => {
  it('refuses a second holder while the first is alive, and takes over a stale lock', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pglite-lock-'));
    const release = lockDataDirectory(dir);
    expect(readFileSync(path.join(dir, 'fm-portal.lock'), 'utf8')).toBe(String(process.pid));
    expect(() => lockDataDirectory(dir)).toThrow(DatabaseLockedError);
    expect(() => lockDataDirectory(dir)).toThrow(/in use by process \d+.*DATABASE_URL/u);
    release();
    const again = lockDataDirectory(dir);
    again();
  });
});
