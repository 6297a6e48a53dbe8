import { createRequire } from 'node:module';
import path from 'node:path';
import { securityHeaders } from './lib/security-headers.mjs';

// USWDS' Sass packages, wherever node_modules is (its main entry is dist/js/uswds.min.js).
const uswdsPackages = path.resolve(path.dirname(createRequire(import.meta.url).resolve('@uswds/uswds')), '../../packages');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The e2e suite builds its fixture content into a second folder (NEXT_DIST_DIR=.next-e2e).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  experimental: {
    // Server actions (the profile form, sign-in and sign-out buttons) take small forms.
    serverActions: { bodySizeLimit: '64kb' },
    // With a proxy, Next copies a request's body before the page sees it; this caps that copy
    // (route handlers are not behind the proxy: they count their own bodies as they arrive).
    proxyClientMaxBodySize: '1mb',
  },
  // PGlite loads its WebAssembly from its own package directory: keep it out of the bundle.
  serverExternalPackages: ['@electric-sql/pglite'],
  sassOptions: {
    loadPaths: [uswdsPackages, path.join(process.cwd(), 'styles')],
    quietDeps: true,
    silenceDeprecations: ['import', 'global-builtin', 'legacy-js-api'],
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: securityHeaders(process.env.NODE_ENV === 'production'),
      },
    ];
  },
};

export default nextConfig;
