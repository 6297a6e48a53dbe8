/** Checks the configuration once when the server starts: a deployment with no way to sign in stops here. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { assertStartupConfig } = await import('./lib/env');
  assertStartupConfig();
}
