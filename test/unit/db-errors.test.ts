/** Which failures mean "the database does not answer" (a 503 with a sentence), read through wrapped errors (ADR 0022). */
import { describe, expect, it } from 'vitest';
import { databaseUnavailable, isDatabaseUnavailable, orUnavailable } from '@/lib/db/errors';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('knows the network, connection, shutdown and timeout failures, also as a cause or in an AggregateError', () => {
    for (const error of [
      withCode('ECONNREFUSED'),
      withCode('ECONNRESET'),
      withCode('08006'),
      withCode('57P01', 'terminating connection due to administrator command'),
      withCode('57014', 'canceling statement due to statement timeout'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Connection terminated unexpectedly'),
      new Error('Query read timeout'),
      new Error('Failed query: select 1', { cause: withCode('ECONNREFUSED') }),
      new AggregateError([withCode('ECONNREFUSED')], ''),
    ]) {
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);
    }
  });

  it('leaves everything else alone: a constraint, a syntax error, a plain bug, not an error at all', () => {
    for (const error of [withCode('23505', 'duplicate key'), withCode('42601', 'syntax error'), new TypeError('x is undefined'), null, 'ECONNREFUSED', {}]) {
      expect(isDatabaseUnavailable(error), String(error)).toBe(false);
    }
  });

  it('is a 503 with Retry-After and a sentence', () => {
    const e = databaseUnavailable();
    expect(e.status).toBe(503);
    expect(e.headers['Retry-After']).toBe('30');
    expect(e.message).toMatch(/nothing was read or saved/u);
  });

  it('orUnavailable: the value, or ok: false for an unavailable database; anything else is thrown on', async () => {
    expect(await orUnavailable(async () => 42)).toEqual({ ok: true, value: 42 });
    expect(await orUnavailable(async () => Promise.reject(withCode('ECONNREFUSED')))).toEqual({ ok: false });
    await expect(orUnavailable(async () => Promise.reject(new TypeError('bug')))).rejects.toThrow('bug');
  });
});
