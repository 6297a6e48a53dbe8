/**
 * The database schema: Auth.js' tables (as @auth/drizzle-adapter expects them) and the portal's
 * own, profiles and bookmarks. Migrations in drizzle/ are generated from this file by drizzle-kit.
 */
import { check, date, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export const users = pgTable('user', {
  id: text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text('name'),
  email: text('email').unique(),
  emailVerified: timestamp('emailVerified', { mode: 'date' }),
  image: text('image'),
});

export const accounts = pgTable(
  'account',
  {
    userId: text('userId')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('providerAccountId').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (account) => [primaryKey({ columns: [account.provider, account.providerAccountId] })],
);

export const sessions = pgTable('session', {
  sessionToken: text('sessionToken').primaryKey(),
  userId: text('userId')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expires: timestamp('expires', { mode: 'date' }).notNull(),
});

export const verificationTokens = pgTable(
  'verificationToken',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: timestamp('expires', { mode: 'date' }).notNull(),
  },
  (vt) => [primaryKey({ columns: [vt.identifier, vt.token] })],
);

/** What the user says of themselves: their job series and GS grade. */
export const profiles = pgTable(
  'profile',
  {
    userId: text('userId')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** `0501`, `0510`, `0511` or `0560`. */
    series: text('series').notNull(),
    grade: smallint('grade').notNull(),
    /** Where the gap view takes targets from: the cards of the person's career level, or of the next one (lib/gaps.ts). */
    aim: text('aim', { enum: ['current', 'next'] })
      .notNull()
      .default('current'),
    updatedAt: timestamp('updatedAt', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (p) => [check('profile_aim', sql`${p.aim} in ('current', 'next')`)],
);

/** Where the person says they are with a target competency. */
export const PROGRESS = ['planned', 'in-progress', 'done'] as const;
export type Progress = (typeof PROGRESS)[number];

/**
 * A target competency: one card, by permalink, with the user's grade and series when they chose
 * it, and what the person keeps about it (progress, a private note, a target date). The card may
 * later disappear from the content; the bookmark stays (shown as retired). A removed bookmark is
 * kept for a day (`removedAt`) so that "Undo" brings it back with its note; adding the card again
 * revives the same row.
 */
export const bookmarks = pgTable(
  'bookmark',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('userId')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    permalink: text('permalink').notNull(),
    /** The card's title when bookmarked, so a retired card is still recognisable. */
    title: text('title').notNull(),
    competency: text('competency').notNull(),
    gradeAtBookmark: smallint('gradeAtBookmark'),
    seriesAtBookmark: text('seriesAtBookmark'),
    createdAt: timestamp('createdAt', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
    progress: text('progress', { enum: PROGRESS }).notNull().default('planned'),
    note: text('note'),
    /** `YYYY-MM-DD`. */
    targetDate: date('targetDate', { mode: 'string' }),
    removedAt: timestamp('removedAt', { mode: 'date', withTimezone: true }),
  },
  (b) => [
    uniqueIndex('bookmark_user_permalink').on(b.userId, b.permalink),
    index('bookmark_user').on(b.userId),
    check('bookmark_progress', sql`${b.progress} in ('planned', 'in-progress', 'done')`),
    check('bookmark_note_length', sql`char_length(${b.note}) <= 1000`),
  ],
);

/**
 * A person's rating of their own proficiency in a competency (1–5), dated. Every rating is kept as
 * history; the latest counts (lib/gaps.ts). A competency is named as the cards name it.
 */
export const ratings = pgTable(
  'rating',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('userId')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    competency: text('competency').notNull(),
    level: smallint('level').notNull(),
    ratedAt: timestamp('ratedAt', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (r) => [index('rating_user_competency').on(r.userId, r.competency, r.ratedAt), check('rating_level', sql`${r.level} between 1 and 5`)],
);

/**
 * A read-only link to a person's plan and gaps, for a supervisor (lib/share-links.ts). The link's
 * secret is not stored: it is an HMAC of the id under AUTH_SECRET, so the owner can see the link
 * again while a copy of the database alone opens nothing.
 */
export const shareLinks = pgTable(
  'share_link',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('userId')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('createdAt', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expiresAt', { mode: 'date', withTimezone: true }).notNull(),
    revokedAt: timestamp('revokedAt', { mode: 'date', withTimezone: true }),
  },
  (l) => [index('share_link_user').on(l.userId)],
);

export type Profile = typeof profiles.$inferSelect;
export type Rating = typeof ratings.$inferSelect;
export type ShareLink = typeof shareLinks.$inferSelect;
export type Bookmark = typeof bookmarks.$inferSelect;
