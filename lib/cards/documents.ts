/**
 * Where lib/cards gets Contentlayer's documents. This module imports them (`next dev`, which
 * refreshes an open page when Contentlayer regenerates them; the unit tests; the static page
 * renderer). A production `next build` replaces it with ./documents.built.ts (next.config.mjs),
 * which reads the copy the build keeps in its output folder when the server starts: the server's
 * bundles hold no content, so a content-only publish reuses them (ADR 0019).
 */
import { allCards, allCourses, type Card, type Course } from 'contentlayer/generated';

export interface Documents {
  readonly cards: readonly Card[];
  readonly courses: readonly Course[];
}

export function loadDocuments(): Documents {
  return { cards: allCards, courses: allCourses };
}
