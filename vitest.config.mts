import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      'contentlayer/generated': path.resolve(import.meta.dirname, '.contentlayer/generated'),
      'server-only': path.resolve(import.meta.dirname, 'test/support/server-only.ts'),
    },
  },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // next-auth imports 'next/server' without an extension; processed by Vite, it resolves.
    server: { deps: { inline: ['next-auth', '@auth/core'] } },
    testTimeout: 60_000,
    // Opening and migrating PGlite in a beforeAll takes over 10 s on a busy 2-core machine.
    hookTimeout: 60_000,
  },
});
