import 'server-only';
/**
 * "Add to my plan" pressed while signed out: the card is remembered in a short-lived cookie set by
 * that (same-origin) POST, the person signs in, and the sign-in comes back through
 * /api/bookmarks/pending, which adds the card and forgets the cookie. The cookie only ever holds
 * a permalink the person asked for on this site; a cross-site page cannot set it.
 */
import { cookies } from 'next/headers';
import { getCard, type Card } from './cards';
import { permalinkField } from './bookmarks';
import { withQuery } from './http';

export const PENDING_COOKIE = 'fm-pending-bookmark';
/** Long enough to sign in at Login.gov, short enough not to surprise anyone later. */
const MAX_AGE = 15 * 60;
export const PENDING_PATH = '/api/bookmarks/pending';

export async function rememberPendingBookmark(permalink: string, secure: boolean): Promise<void> {
  (await cookies()).set(PENDING_COOKIE, permalink, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: MAX_AGE });
}

/** The card waiting to be added, if the cookie names one that exists. */
export async function pendingCard(): Promise<Card | null> {
  const value = (await cookies()).get(PENDING_COOKIE)?.value;
  const parsed = permalinkField.safeParse(value);
  return parsed.success ? (getCard(parsed.data) ?? null) : null;
}

export async function forgetPendingBookmark(): Promise<void> {
  (await cookies()).delete(PENDING_COOKIE);
}

/** Where sign-in returns to so that the pending card is added, then the person lands on `returnTo`. */
export function pendingReturn(returnTo: string): string {
  return withQuery(PENDING_PATH, { returnTo });
}

/** Whether a sign-in's return address is the pending-bookmark one (the sign-in page then says why). */
export function isPendingReturn(callbackUrl: string): boolean {
  return callbackUrl === PENDING_PATH || callbackUrl.startsWith(`${PENDING_PATH}?`);
}
