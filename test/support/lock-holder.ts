// Run by test/unit/db.test.ts in a process of its own: takes the PGlite directory lock of argv[2],
// says "locked", and holds it until killed.
import { lockDataDirectory } from '../../lib/db/pglite-lock';

const dir = process.argv[2];
if (!dir) throw new Error('usage: lock-holder <dir>');
void lockDataDirectory(dir).then(() => {
  console.log('locked');
  setInterval(() => undefined, 60_000);
});
