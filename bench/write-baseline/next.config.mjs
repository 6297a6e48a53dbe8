// The write baseline: a minimal Next route handler, no auth, no framework of ours.
const config = { serverExternalPackages: ['@electric-sql/pglite'] };
export default config;
