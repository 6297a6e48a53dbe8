import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
import { createLocalSession } from '@/lib/auth/local';
import {
  addBookmark,
  addRating,
  createShareLink,
  findShareLink,
  listRatings,
  listShareLinks,
  MAX_SHARE_LINKS,
  RATING_HISTORY,
  revokeShareLink,
  saveAim,
  findBookmark,
  getProfile,
  listBookmarks,
  removeBookmark,
  removeBookmarkByPermalink,
  restoreBookmark,
  saveProfile,
  toggleBookmark,
  updateBookmark,
} from '@/lib/db/queries';
import { sql } from 'drizzle-orm';
import * as schema from '@/lib/db/schema';

const migrationsFolder = path.resolve(import.meta.dirname, '../../drizzle');

interface Backend {
  name: string;
  open: () => Promise<{ db: Database; close: () => Promise<void> }>;
}

const pgUrl = process.env.TEST_DATABASE_URL;
// Without TEST_DATABASE_URL (.ci/run sets one) the PostgreSQL run is skipped, and counted as skipped.
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
  {
    name: 'PostgreSQL',
    open: async () => {
      const pool = new Pool({ connectionString: pgUrl, max: 8 });
      const db = drizzlePg(pool, { schema });
      await migratePg(db, { migrationsFolder });
      return { db, close: () => pool.end() };
    },
  },
];

async function newUser(db: Database): Promise<string> {
  const id = randomUUID();
  await db.insert(schema.users).values({ id, name: `user ${id.slice(0, 8)}`, email: `${id}@example.gov` });
  return id;
}

const card = (permalink: string, competency = 'Customer Service') => ({ permalink, title: `Card ${permalink}`, competency });

describe.each(backends)('bookmark and profile queries on $name', ({ name, open }) => {
  if (name === 'PostgreSQL' && !pgUrl) {
    // A visible, counted skip, not a pass: without TEST_DATABASE_URL there is no PostgreSQL to run
    // these queries on (`.ci/run` always sets one, so CI runs them; a bare `npm test` may not).
    it.skip('needs TEST_DATABASE_URL', () => undefined);
    return;
  }
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
    await saveProfile(db, user, { series: '0510', grade: 11 });
    const first = await addBookmark(db, user, card('/cards/510-Customer-Service-Mid'));
    await saveProfile(db, user, { series: '0510', grade: 14 });
    const again = await addBookmark(db, user, card('/cards/510-Customer-Service-Mid'));
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ gradeAtBookmark: 11, seriesAtBookmark: '0510' });
    expect(first.createdAt).toBeInstanceOf(Date);
    const someone = await newUser(db);
    expect(await addBookmark(db, someone, card('/cards/510-Customer-Service-Mid'))).toMatchObject({ gradeAtBookmark: null, seriesAtBookmark: null });
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
    const bookmark = await addBookmark(db, alice, card('/cards/510-Customer-Service-Senior'));
    expect(await removeBookmark(db, bob, bookmark.id)).toBe(false);
    expect(await removeBookmarkByPermalink(db, bob, bookmark.permalink)).toBe(false);
    expect(await listBookmarks(db, alice)).toHaveLength(1);
    expect(await removeBookmark(db, alice, bookmark.id)).toBe(true);
    expect(await removeBookmark(db, alice, bookmark.id)).toBe(false);
    expect(await listBookmarks(db, alice)).toEqual([]);
  });

  it('keeps progress, a note and a target date for the owner only', async () => {
    const alice = await newUser(db);
    const bob = await newUser(db);
    const bookmark = await addBookmark(db, alice, card('/cards/510-Notes-Mid'));
    expect(bookmark).toMatchObject({ progress: 'planned', note: null, targetDate: null });
    const entry = { progress: 'in-progress' as const, note: 'Shadow the budget officer', targetDate: '2027-06-30' };
    expect(await updateBookmark(db, bob, bookmark.id, entry)).toBeNull();
    expect(await updateBookmark(db, alice, bookmark.id, entry)).toMatchObject(entry);
    expect(await findBookmark(db, alice, bookmark.permalink)).toMatchObject(entry);
    // The database refuses what the form would: a status outside the list, an over-long note.
    await expect(updateBookmark(db, alice, bookmark.id, { ...entry, progress: 'abandoned' as 'done' })).rejects.toThrow();
    await expect(updateBookmark(db, alice, bookmark.id, { ...entry, note: 'x'.repeat(1001) })).rejects.toThrow();
  });

  it('Undo brings a removed bookmark back with its note; adding the card again starts afresh; only the owner can undo', async () => {
    const alice = await newUser(db);
    const bob = await newUser(db);
    const bookmark = await addBookmark(db, alice, card('/cards/510-Undo-Mid'));
    await updateBookmark(db, alice, bookmark.id, { progress: 'done', note: 'kept', targetDate: '2027-01-15' });
    expect(await removeBookmark(db, alice, bookmark.id)).toBe(true);
    expect(await listBookmarks(db, alice)).toEqual([]);
    expect(await findBookmark(db, alice, bookmark.permalink)).toBeNull();
    expect(await updateBookmark(db, alice, bookmark.id, { progress: 'planned', note: null, targetDate: null })).toBeNull();
    expect(await restoreBookmark(db, bob, bookmark.id)).toBeNull();
    expect(await restoreBookmark(db, alice, bookmark.id)).toMatchObject({ id: bookmark.id, progress: 'done', note: 'kept', targetDate: '2027-01-15' });
    expect(await restoreBookmark(db, alice, bookmark.id)).toBeNull(); // already back
    // Removed then added again (a card page's toggle): the same row, as a new bookmark.
    expect(await removeBookmarkByPermalink(db, alice, bookmark.permalink)).toBe(true);
    const again = await toggleBookmark(db, alice, card('/cards/510-Undo-Mid'));
    expect(again).toMatchObject({ id: bookmark.id, progress: 'planned', note: null, targetDate: null });
    expect(await listBookmarks(db, alice)).toHaveLength(1);
  });

  it('a bookmark removed over a day ago is deleted for good at the next removal, and cannot be undone', async () => {
    const user = await newUser(db);
    const old = await addBookmark(db, user, card('/cards/510-Old-Mid'));
    const other = await addBookmark(db, user, card('/cards/510-Other-Mid'));
    await removeBookmark(db, user, old.id);
    await db
      .update(schema.bookmarks)
      .set({ removedAt: sql`now() - interval '25 hours'` })
      .where(sql`${schema.bookmarks.id} = ${old.id}`);
    expect(await restoreBookmark(db, user, old.id)).toBeNull();
    await removeBookmark(db, user, other.id);
    const left = await db
      .select()
      .from(schema.bookmarks)
      .where(sql`${schema.bookmarks.userId} = ${user}`);
    expect(left.map((b) => b.id)).toEqual([other.id]);
  });

  it('keeps every rating, dated, for its owner only; the oldest beyond the history limit go', async () => {
    const alice = await newUser(db);
    const bob = await newUser(db);
    await addRating(db, alice, 'Customer Service', 2);
    await addRating(db, alice, 'Customer Service', 3);
    await addRating(db, bob, 'Customer Service', 5);
    const mine = await listRatings(db, alice);
    expect(mine.map((r) => [r.competency, r.level])).toEqual([
      ['Customer Service', 2],
      ['Customer Service', 3],
    ]);
    expect(mine[0]!.ratedAt.getTime()).toBeLessThanOrEqual(mine[1]!.ratedAt.getTime());
    expect((await listRatings(db, bob)).map((r) => r.level)).toEqual([5]);
    await expect(addRating(db, alice, 'Customer Service', 6)).rejects.toThrow();
    for (let i = 0; i < RATING_HISTORY + 3; i++) await addRating(db, bob, 'Resilience', (i % 5) + 1);
    const kept = (await listRatings(db, bob)).filter((r) => r.competency === 'Resilience');
    expect(kept).toHaveLength(RATING_HISTORY);
    expect(kept.at(-1)!.level).toBe(((RATING_HISTORY + 2) % 5) + 1);
  });

  it('saves where targets come from only for a person with a profile', async () => {
    const user = await newUser(db);
    expect(await saveAim(db, user, 'next')).toBe(false);
    await saveProfile(db, user, { series: '0510', grade: 11 });
    expect((await getProfile(db, user))?.aim).toBe('current');
    expect(await saveAim(db, user, 'next')).toBe(true);
    expect((await getProfile(db, user))?.aim).toBe('next');
    await saveProfile(db, user, { series: '0510', grade: 12 });
    expect((await getProfile(db, user))?.aim).toBe('next');
  });

  it('share links: listed and revoked by their owner only; an expired link is no longer listed; at most MAX_SHARE_LINKS open', async () => {
    const alice = await newUser(db);
    const bob = await newUser(db);
    const link = await createShareLink(db, alice, 7);
    expect(link).not.toBeNull();
    const days = (link!.expiresAt.getTime() - link!.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 3);
    expect((await listShareLinks(db, alice)).map((l) => l.id)).toEqual([link!.id]);
    expect(await listShareLinks(db, bob)).toEqual([]);
    expect(await revokeShareLink(db, bob, link!.id)).toBe(false);
    expect((await findShareLink(db, link!.id))?.revokedAt).toBeNull();
    expect(await revokeShareLink(db, alice, link!.id)).toBe(true);
    expect(await revokeShareLink(db, alice, link!.id)).toBe(false);
    expect((await findShareLink(db, link!.id))?.revokedAt).toBeInstanceOf(Date);
    expect(await listShareLinks(db, alice)).toEqual([]);
    const old = await createShareLink(db, alice, 30);
    await db
      .update(schema.shareLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(sql`id = ${old!.id}`);
    expect(await listShareLinks(db, alice)).toEqual([]);
    expect((await findShareLink(db, old!.id))?.expired).toBe(true);
    expect((await findShareLink(db, (await createShareLink(db, alice, 7))!.id))?.expired).toBe(false);
    // An expired link cannot be revoked: it stays expired.
    expect(await revokeShareLink(db, alice, old!.id)).toBe(false);
    // Concurrent requests do not pass the limit.
    const made = await Promise.all(Array.from({ length: MAX_SHARE_LINKS + 5 }, () => createShareLink(db, bob, 90)));
    expect(made.filter(Boolean)).toHaveLength(MAX_SHARE_LINKS);
    expect(await createShareLink(db, bob, 90)).toBeNull();
    // A link closed over 30 days ago is deleted when the person makes another.
    await db
      .update(schema.shareLinks)
      .set({ expiresAt: new Date(Date.now() - 31 * 86_400_000) })
      .where(sql`id = ${old!.id}`);
    await createShareLink(db, alice, 7);
    expect(await findShareLink(db, old!.id)).toBeNull();
  });

  it('loses no concurrent writes', async () => {
    const user = await newUser(db);
    const permalinks = Array.from({ length: 25 }, (_, i) => `/cards/510-C${i}-Mid`);
    await Promise.all(permalinks.map((p) => addBookmark(db, user, card(p, `C${i(p)}`))));
    expect(await listBookmarks(db, user)).toHaveLength(25);
  });

  it('30 concurrent toggles and adds of one card by one person never fail, and leave at most one bookmark', async () => {
    const user = await newUser(db);
    for (let round = 0; round < 5; round++) {
      const results = await Promise.allSettled(
        Array.from({ length: 30 }, (_, k) =>
          k % 3 === 0 ? addBookmark(db, user, card('/cards/510-Race-Mid')) : toggleBookmark(db, user, card('/cards/510-Race-Mid')),
        ),
      );
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      expect((await listBookmarks(db, user)).filter((b) => b.permalink === '/cards/510-Race-Mid').length).toBeLessThanOrEqual(1);
    }
  });

  it('10 concurrent first local sign-ins of one new name make one person; another name is another person', async () => {
    const name = `Ada ${randomUUID().slice(0, 8)}`;
    const sessions = await Promise.all(Array.from({ length: 10 }, () => createLocalSession(db, name)));
    expect(new Set(sessions.map((s) => s.userId)).size).toBe(1);
    expect(new Set(sessions.map((s) => s.token)).size).toBe(10);
    const [zhang, li] = await Promise.all([createLocalSession(db, `张三 ${name}`), createLocalSession(db, `李四 ${name}`)]);
    expect(zhang.userId).not.toBe(li.userId);
    // The same name, differently cased and spaced, is the same person.
    expect((await createLocalSession(db, `  ${name.toUpperCase().replace(' ', '   ')}  `)).userId).toBe(sessions[0]?.userId);
  });
});

function i(p: string): string {
  return p.replace(/\D/gu, '');
}

describe('the PGlite data directory lock', () => {
  const lockHolder = path.resolve(import.meta.dirname, '../support/lock-holder.ts');

  /** A separate process that takes the lock, says so, and waits to be killed. */
  function holder(dir: string): Promise<ChildProcess> {
    // node itself (not the tsx wrapper): its pid is the lock holder's, and kill -9 reaches it.
    const child = spawn(process.execPath, ['--import', 'tsx', lockHolder, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    return new Promise((resolve, reject) => {
      child.stdout?.on('data', (d: Buffer) => (d.toString().includes('locked') ? resolve(child) : undefined));
      child.once('exit', (code) => reject(new Error(`the lock holder exited (${code})`)));
    });
  }

  it('refuses a second process while the first is alive, and is free the moment it is killed -9', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pglite-lock-'));
    const child = await holder(dir);
    await expect(lockDataDirectory(dir)).rejects.toThrow(DatabaseLockedError);
    await expect(lockDataDirectory(dir)).rejects.toThrow(new RegExp(`in use by another process \\(most likely process ${child.pid}.*DATABASE_URL`, 'u'));
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
    // The stale lock (its note still names the dead process) is taken over at once.
    expect(readFileSync(path.join(dir, 'fm-portal.lock'), 'utf8')).toContain(String(child.pid));
    const release = await lockDataDirectory(dir);
    expect(readFileSync(path.join(dir, 'fm-portal.lock'), 'utf8')).toContain(`"pid":${process.pid}`);
    await release();
  });

  it('is not fooled by a note naming a live process id (this one, or a reused one)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pglite-lock-'));
    for (const pid of [process.pid, 1]) {
      writeFileSync(path.join(dir, 'fm-portal.lock'), JSON.stringify({ pid, host: 'elsewhere', since: '2026-01-01' }));
      const release = await lockDataDirectory(dir);
      await release();
    }
  });

  it('lets the process that holds a directory open it again (the server and Next share one process)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pglite-lock-'));
    const release = await lockDataDirectory(dir);
    const again = await lockDataDirectory(dir);
    await again();
    await release();
  });
});
