import { describe, expect, it } from 'vitest';
import { config } from '@/proxy';

/** The matcher's first pattern, `/((?!…).*)`, as the regular expression Next makes of it. */
function firstPattern(): RegExp {
  const [pattern] = config.matcher;
  if (typeof pattern !== 'string' || !pattern.startsWith('/(')) throw new Error(`unexpected matcher ${String(pattern)}`);
  return new RegExp(`^/${pattern.slice(1)}$`, 'u');
}

describe('the proxy', () => {
  it('sees /cards with or without a filter (a filtered address goes to its per-request rendering) and the front door, which carry its CSP when Next renders them', () => {
    const matches = firstPattern();
    for (const p of ['/', '/cards', '/cards-results', '/signin', '/plan', '/compare/510/x', '/cards/510-Customer-Service-Mid'])
      expect(matches.test(p), p).toBe(true);
  });

  it('leaves Next’s assets, the static assets and the route handlers alone (they set their own policy and count their own bodies)', () => {
    const matches = firstPattern();
    for (const p of [
      '/_next/static/chunks/a.js',
      '/uswds/img/x.svg',
      '/assets/islands.js',
      '/api/cards',
      '/data/cards.json',
      '/cards/export',
      '/plan/export',
    ]) {
      expect(matches.test(p), p).toBe(false);
    }
  });
});
