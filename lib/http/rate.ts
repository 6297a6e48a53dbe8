/**
 * Per-client rate limits: a token bucket per (kind, client), in this process. A client is the
 * signed-in person when there is one, else the address the connection came from. At most
 * MAX_CLIENTS buckets are kept (the least recently used go first), so the table cannot grow
 * without bound. Several instances each keep their own (ADR 0011).
 */
import { tooManyRequests } from './errors';

export interface RateLimit {
  /** Requests allowed at once. */
  readonly burst: number;
  /** Requests allowed per minute, sustained. */
  readonly perMinute: number;
}

export type RateKind = 'signin' | 'write' | 'export' | 'share';

/** The limits chosen (README, ADR 0011). */
export const RATE_LIMITS: Record<RateKind, RateLimit> = {
  /** Sign-in attempts (local sign-in, Auth.js sign-in and callback): per address. */
  signin: { burst: 10, perMinute: 10 },
  /** Bookmark and plan changes: per person. People click; scripts hammer. */
  write: { burst: 60, perMinute: 300 },
  /** Card and plan exports (CPU-heavy PDFs): per person or address. */
  export: { burst: 10, perMinute: 10 },
  /** Opening a shared plan (no sign-in; the token is the permission): per address. */
  share: { burst: 30, perMinute: 60 },
};

const MAX_CLIENTS = 50_000;

interface Bucket {
  tokens: number;
  at: number;
}

/** The limits scaled by RATE_LIMIT_SCALE (the test servers raise them; 1 in production). */
export function scaledLimits(scale: number): Record<RateKind, RateLimit> {
  const scaled = (l: RateLimit): RateLimit => ({ burst: Math.max(1, Math.round(l.burst * scale)), perMinute: Math.max(1, Math.round(l.perMinute * scale)) });
  return { signin: scaled(RATE_LIMITS.signin), write: scaled(RATE_LIMITS.write), export: scaled(RATE_LIMITS.export), share: scaled(RATE_LIMITS.share) };
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limits: Record<RateKind, RateLimit> = RATE_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token, or throws a 429 saying when to try again. */
  take(kind: RateKind, client: string): void {
    const limit = this.limits[kind];
    const key = `${kind}\u0000${client}`;
    const now = this.now();
    const perMs = limit.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, at: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.delete(key); // re-inserted last: Map order is least recently used first
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket);
      throw tooManyRequests(Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)));
    }
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_CLIENTS) this.prune();
  }

  /** Forgets the least recently used buckets (at worst, such a client gets a fresh burst). */
  private prune(): void {
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= MAX_CLIENTS * 0.9) break;
      this.buckets.delete(key);
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}
