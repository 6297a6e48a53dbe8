import { describe, expect, it } from 'vitest';
import { FILTER_PARAMS } from '@/lib/filters';
import { config } from '@/proxy';

describe('the proxy', () => {
  it('sends /cards with any filter parameter to its per-request rendering: its matcher names every parameter of FILTER_PARAMS', () => {
    const keys = config.matcher.flatMap((m) => (typeof m === 'string' || m.source !== '/cards' ? [] : m.has.map((h) => h.key)));
    expect(keys.sort()).toEqual(Object.keys(FILTER_PARAMS).sort());
  });
});
