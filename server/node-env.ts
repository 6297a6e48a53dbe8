// Imported first by server/main.ts: Next and lib/env read NODE_ENV, which `npm start` does not set.
const env: Record<string, string | undefined> = process.env;
env.NODE_ENV ??= process.argv.includes('--dev') ? 'development' : 'production';
