import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '@/lib/security';

describe('the Content-Security-Policy', () => {
  it('for a page rendered per request: a nonce, never unsafe-inline scripts', () => {
    const csp = contentSecurityPolicy({ nonce: 'abc123', formTargets: ['https://idp.int.identitysandbox.gov'] });
    expect(csp).toContain("script-src 'self' 'nonce-abc123'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self' https://idp.int.identitysandbox.gov");
    expect(csp.split('; ').find((d) => d.startsWith('script-src'))).not.toContain('unsafe');
  });
  it('for a prerendered page: its scripts’ hashes', () => {
    expect(contentSecurityPolicy({ hashes: ["'sha256-x'"] })).toContain("script-src 'self' 'sha256-x'");
  });
});
