import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The USWDS banner and identifier use small static images from public/uswds/img.
      '@next/next/no-img-element': 'off',
    },
  },
  {
    ignores: [
      '.generated/**',
      '**/.next/**',
      '.next-*/**',
      '.next-e2e/**',
      'dist/**',
      '.contentlayer/**',
      '.content/**',
      'public/**',
      'node_modules/**',
      'test-results/**',
      'next-env.d.ts',
    ],
  },
];

export default config;
