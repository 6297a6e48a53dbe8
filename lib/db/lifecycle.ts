/**
 * Closing the database when the server stops. The client (lib/db/client.ts, server-only) registers
 * its closer here; the server (server/main.ts), which cannot import server-only modules, calls it.
 */
const KEY = Symbol.for('fm-portal.database-closer');
const holder = globalThis as typeof globalThis & { [KEY]?: () => Promise<void> };

export function onDatabaseClose(close: () => Promise<void>): void {
  holder[KEY] = close;
}

export async function closeDatabase(): Promise<void> {
  const close = holder[KEY];
  holder[KEY] = undefined;
  await close?.();
}
