import { createRequire } from 'node:module';
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js';
import path from 'node:path';
import { securityHeaders } from './lib/security-headers.mjs';

// USWDS' Sass packages, wherever node_modules is (its main entry is dist/js/uswds.min.js).
const uswdsPackages = path.resolve(path.dirname(createRequire(import.meta.url).resolve('@uswds/uswds')), '../../packages');

/** @type {(phase: string) => import('next').NextConfig} */
const nextConfig = (phase) => ({
  reactStrictMode: true,
  // The e2e suite builds its fixture content into a second folder (NEXT_DIST_DIR=.next-e2e).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // The build also writes <distDir>/standalone: Next's server and the node_modules files it needs.
  // scripts/standalone.mjs completes it into the folder a container runs (ADR 0024).
  output: 'standalone',
  // Build speed: `next build` does not type-check a second time. `npm test` runs `npm run
  // typecheck` (tsc --noEmit over the whole project, with Contentlayer's generated types) before
  // any build, and `npm run lint` before that; a type error fails the test command, not the build.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Server actions (the profile form, sign-in and sign-out buttons) take small forms.
    serverActions: { bodySizeLimit: '64kb' },
    // With a proxy, Next copies a request's body before the page sees it; this caps that copy
    // (route handlers are not behind the proxy: they count their own bodies as they arrive).
    proxyClientMaxBodySize: '1mb',
    // Build speed: no Turbopack cache written to <distDir>/cache at the end of `next build`. Writing
    // it cost 10–15 s of every 1,000-card build on 2 cores, and a clean build (CI, a deployment, the
    // bench) never reads it. The build's output is the same.
    // A publishing machine that keeps <distDir>/cache between builds sets BUILD_CACHE=1: the next
    // build after a content edit compiles only what changed (`npm run build:publish`, ADR 0018).
    turbopackFileSystemCacheForBuild: process.env.BUILD_CACHE === '1',
    // Build speed: no source maps for the server and browser bundles (the server runs without
    // --enable-source-maps, so none was ever read); on 2 cores about 2 s and 70 MB of a build.
    turbopackSourceMaps: false,
  },
  // Server packages Node loads from node_modules as they are, not bundled: PGlite (it loads its
  // WebAssembly from its own package directory), and plain Node libraries that Turbopack would
  // otherwise compile into every server bundle that imports them (build speed: 11.2 → 8.9 s of
  // compiling at 1,000 cards on 2 cores).
  serverExternalPackages: [
    '@electric-sql/pglite',
    'pdfkit',
    'csv-parse',
    'csv-stringify',
    'drizzle-orm',
    'zod',
    'yaml',
    'entities',
    'minisearch',
    'hast-util-from-html',
    'hast-util-to-text',
    'jose',
  ],
  // A production build's server code reads the content from the build's output folder when it
  // starts, instead of compiling every card into its bundles (lib/cards/documents.built.ts): a
  // content-only publish then reuses the whole build (scripts/build.mjs, ADR 0019). `next dev`
  // keeps importing Contentlayer's output, so an edited card refreshes the open page.
  ...(phase === PHASE_PRODUCTION_BUILD ? { turbopack: { resolveAlias: { '@/lib/cards/documents': './lib/cards/documents.built.ts' } } } : {}),
  sassOptions: {
    loadPaths: [uswdsPackages, path.join(process.cwd(), 'styles')],
    // Build speed: the Dart compiler (sass-embedded, pinned to a version whose platform packages the
    // lockfile holds for `npm ci`): byte-identical CSS to the `sass` package in about half the time.
    implementation: 'sass-embedded',
    quietDeps: true,
    silenceDeprecations: ['import', 'global-builtin', 'legacy-js-api'],
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: securityHeaders(process.env.NODE_ENV === 'production'),
      },
      // A shared plan (ADR 0021): never indexed, and its address (the secret) never sent onwards.
      {
        source: '/share/:path*',
        headers: [
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
        ],
      },
    ];
  },
});

export default nextConfig;
