// The security headers every answer carries (besides its Content-Security-Policy): set by Next for
// what it serves (next.config.mjs) and by the portal's server for the static pages it serves itself.
// Plain JavaScript, so that next.config.mjs can import it.

/** @param {boolean} production Browsers honour HSTS only over https; a local http server is unaffected. */
export function securityHeaders(production) {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
  ];
}
