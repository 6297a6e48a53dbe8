// The write baseline: a minimal Next route handler, no auth, no framework of ours.
export default { serverExternalPackages: ['@electric-sql/pglite'] };
