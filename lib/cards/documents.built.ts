/**
 * A production build's documents (next.config.mjs puts this module in place of ./documents.ts):
 * read once, on first use, from `<distDir>/content/documents.json`, where the build puts
 * Contentlayer's output (scripts/build.mjs). The build's bundles do not contain the content: publishing an edited card
 * rewrites those two files and the static pages, not the server's code (ADR 0019).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Card, Course } from 'contentlayer/generated';
import type { Documents } from './documents';

export type { Documents } from './documents';

/** The folder, under the build's output folder, that holds the documents it serves. */
export const BUILT_CONTENT_DIR = 'content';

/** The file, in the build's output folder, that holds the documents it serves. */
export const BUILT_DOCUMENTS = path.join(BUILT_CONTENT_DIR, 'documents.json');

let documents: Documents | null = null;
export function loadDocuments(): Documents {
  if (documents) return documents;
  const full = path.resolve(process.env.NEXT_DIST_DIR || '.next', BUILT_DOCUMENTS);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (error) {
    throw new Error(`The portal's content is missing from its build (${full}): run npm run build.`, { cause: error });
  }
  const data = JSON.parse(text) as { cards?: unknown; courses?: unknown };
  if (!Array.isArray(data.cards) || !Array.isArray(data.courses)) throw new Error(`${full} does not hold the cards and courses: run npm run build.`);
  documents = { cards: data.cards as Card[], courses: data.courses as Course[] };
  return documents;
}
