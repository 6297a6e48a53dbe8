'use client';
/**
 * The person looking at a static page (GET /api/me), asked once per page load and shared by the
 * header's account link and the dashboard. `refresh` asks again (after signing in or out).
 */
import type { SeriesCode } from './cards/domain';

export interface Me {
  readonly signedIn: boolean;
  readonly name?: string;
  readonly profile?: { readonly series: SeriesCode; readonly grade: number } | null;
  readonly bookmarks?: readonly string[];
}

let pending: Promise<Me> | null = null;

export function loadMe(refresh = false): Promise<Me> {
  if (!pending || refresh) {
    pending = fetch('/api/me', { cache: 'no-store', headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? (r.json() as Promise<Me>) : { signedIn: false }))
      .catch(() => ({ signedIn: false }));
  }
  return pending;
}
