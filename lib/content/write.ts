import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export type Outcome = 'created' | 'updated' | 'unchanged' | 'skipped';

export interface WriteReport {
  readonly file: string;
  readonly outcome: Outcome;
  readonly reason?: string;
}

const MANIFEST = '.import-manifest.json';

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * What the tool wrote (`written`: file → hash of what it wrote) and the files it left alone
 * because they were edited by hand (`kept`: file → hash of the hand-edited text it saw).
 */
const manifestSchema = z.object({
  written: z.record(z.string(), z.string()).default({}),
  kept: z.record(z.string(), z.string()).default({}),
});

const sorted = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

/**
 * Writes generated files into `dir`, idempotently: an identical file is left alone, a file the
 * tool wrote before (its hash is in the manifest) is updated, and a file someone edited by hand
 * since is never overwritten unless `force` — it is kept, said once, and reported unchanged on
 * later runs while it stays as it is.
 */
export async function writeCards(dir: string, files: readonly { file: string; text: string }[], force = false): Promise<WriteReport[]> {
  await mkdir(dir, { recursive: true });
  const manifestPath = path.join(dir, MANIFEST);
  const manifestText = await readText(manifestPath);
  const manifest = manifestSchema.parse(manifestText ? JSON.parse(manifestText) : {});
  const reports: WriteReport[] = [];
  for (const { file, text } of files) {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    const existing = await readText(target);
    if (existing === null) {
      await writeFile(target, text);
      manifest.written[file] = hash(text);
      delete manifest.kept[file];
      reports.push({ file, outcome: 'created' });
    } else if (existing === text) {
      manifest.written[file] = hash(text);
      delete manifest.kept[file];
      reports.push({ file, outcome: 'unchanged' });
    } else if (force || manifest.written[file] === hash(existing)) {
      const handEdited = manifest.written[file] !== hash(existing);
      await writeFile(target, text);
      manifest.written[file] = hash(text);
      delete manifest.kept[file];
      reports.push({ file, outcome: 'updated', ...(handEdited ? { reason: 'edited by hand; overwritten because of --force' } : {}) });
    } else if (manifest.kept[file] === hash(existing)) {
      reports.push({ file, outcome: 'unchanged', reason: 'kept as edited by hand' });
    } else {
      manifest.kept[file] = hash(existing);
      delete manifest.written[file];
      reports.push({ file, outcome: 'skipped', reason: 'edited by hand since the last import: kept as it is (--force overwrites it)' });
    }
  }
  await writeFile(manifestPath, `${JSON.stringify({ written: sorted(manifest.written), kept: sorted(manifest.kept) }, null, 2)}\n`);
  return reports;
}
