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

export const MANIFEST = '.import-manifest.json';

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Writes generated card files into `dir`, idempotently: an identical file is left alone, a file
 * the tool wrote before (its hash is in the manifest) is updated, and a file someone edited by hand
 * since is never overwritten unless `force`.
 */
export async function writeCards(dir: string, files: readonly { file: string; text: string }[], force = false): Promise<WriteReport[]> {
  await mkdir(dir, { recursive: true });
  const manifestPath = path.join(dir, MANIFEST);
  const manifestText = await readText(manifestPath);
  const manifest: Record<string, string> = manifestText ? z.record(z.string(), z.string()).parse(JSON.parse(manifestText)) : {};
  const reports: WriteReport[] = [];
  for (const { file, text } of files) {
    const target = path.join(dir, file);
    const existing = await readText(target);
    if (existing === null) {
      await writeFile(target, text);
      manifest[file] = hash(text);
      reports.push({ file, outcome: 'created' });
    } else if (existing === text) {
      manifest[file] = hash(text);
      reports.push({ file, outcome: 'unchanged' });
    } else if (force || manifest[file] === hash(existing)) {
      const handEdited = manifest[file] !== hash(existing);
      await writeFile(target, text);
      manifest[file] = hash(text);
      reports.push({ file, outcome: 'updated', ...(handEdited ? { reason: 'edited by hand; overwritten because of --force' } : {}) });
    } else {
      reports.push({ file, outcome: 'skipped', reason: 'edited by hand since the last import; --force overwrites it' });
    }
  }
  const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(manifestPath, `${JSON.stringify(sorted, null, 2)}\n`);
  return reports;
}
