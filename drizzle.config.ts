import { defineConfig } from 'drizzle-kit';

/** `npx drizzle-kit generate` writes SQL migrations to drizzle/ from lib/db/schema.ts. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema.ts',
  out: './drizzle',
});
