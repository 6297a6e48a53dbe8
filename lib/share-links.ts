import 'server-only';
/** Share links (ADR 0021): what a link opens, and the links a person has, with their addresses. */
import { eq } from 'drizzle-orm';
import { authSecret } from './auth/secret';
import type { Database } from './db/client';
import { findShareLink, listShareLinks } from './db/queries';
import { users, type ShareLink } from './db/schema';
import { shareToken, verifyShareToken } from './share-token';

/** How long a link may stay open, as the owner chooses. */
export const SHARE_DAYS = [7, 30, 90] as const;

export type ShareState =
  | { readonly kind: 'open'; readonly link: ShareLink; readonly owner: { readonly id: string; readonly name: string } }
  | { readonly kind: 'gone'; readonly reason: 'revoked' | 'expired'; readonly at: Date }
  | { readonly kind: 'unknown' };

/** What a token opens; `unknown` for anything this server did not make (or a link whose owner is gone). */
export async function openShareLink(db: Database, token: string): Promise<ShareState> {
  const id = verifyShareToken(token, authSecret());
  if (!id) return { kind: 'unknown' };
  const link = await findShareLink(db, id);
  if (!link) return { kind: 'unknown' };
  if (link.revokedAt) return { kind: 'gone', reason: 'revoked', at: link.revokedAt };
  if (link.expired) return { kind: 'gone', reason: 'expired', at: link.expiresAt };
  const owner = (await db.select({ name: users.name }).from(users).where(eq(users.id, link.userId)).limit(1))[0];
  if (!owner) return { kind: 'unknown' };
  // The name the sign-in gave, never the email address: a person without one is "A portal user".
  return { kind: 'open', link, owner: { id: link.userId, name: owner.name?.trim() || 'A portal user' } };
}

export interface OwnShareLink {
  readonly id: string;
  readonly path: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

/** The person's live links, with the path each opens (`/share/<token>`). */
export async function ownShareLinks(db: Database, userId: string): Promise<OwnShareLink[]> {
  const secret = authSecret();
  return (await listShareLinks(db, userId)).map((l) => ({ id: l.id, path: sharePath(l.id, secret), createdAt: l.createdAt, expiresAt: l.expiresAt }));
}

export function sharePath(id: string, secret: string = authSecret()): string {
  return `/share/${shareToken(id, secret)}`;
}
