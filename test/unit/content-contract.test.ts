/**
 * The contract between the content step and the site: every document Contentlayer generated has
 * the shape lib/cards reads (Card, Course). Contentlayer types the scalar fields itself; the
 * structured ones are `json` fields (contentlayer.config.ts), checked here instead of on every build.
 */
import { allCards, allCourses } from 'contentlayer/generated';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CAREER_LEVELS, COMPETENCY_GROUPS, SERIES_CODES } from '@/lib/cards/domain';
import { slugOfUrl, urlOfSlug } from '@/lib/cards/identity';

const text = z.string();
const items = z.array(z.string().min(1));
const level = z.number().int().min(1).max(5);

const card = z.object({
  slug: text,
  url: text,
  permalink: text.startsWith('/'),
  seriesCode: z.enum(SERIES_CODES),
  careerLevel: z.enum(CAREER_LEVELS),
  group: z.enum(COMPETENCY_GROUPS),
  gs: z.strictObject({ min: z.number().int(), max: z.number().int() }),
  levels: z.array(z.strictObject({ level, name: text, behaviors: items, definitions: items })),
  ungrouped: z.strictObject({ behaviors: items, definitions: items }),
  courses: z.array(
    z.strictObject({ title: text.min(1), comingSoon: z.boolean(), provider: text.optional(), url: z.url().optional(), number: z.number().int().optional() }),
  ),
});

const course = z.object({
  slug: text.min(1),
  url: z.url(),
  duration: z.strictObject({ amount: z.number().positive(), unit: text }).optional(),
  serves: z.array(z.strictObject({ competency: text, competencySlug: text, levels: z.array(level).min(1) })).min(1),
});

describe('the generated content documents', () => {
  it('every card has the shape lib/cards reads, and its url follows from its slug', () => {
    expect(allCards.length).toBeGreaterThan(0);
    for (const doc of allCards) {
      const parsed = card.safeParse(doc);
      expect(parsed.success ? [] : parsed.error.issues.map((i) => `${doc.sourcePath}: ${i.path.join('.')}: ${i.message}`)).toEqual([]);
      expect(urlOfSlug(doc.slug)).toBe(doc.url);
      expect(slugOfUrl(doc.url)).toBe(doc.slug);
    }
  });

  it('every course has the shape lib/cards reads', () => {
    for (const doc of allCourses) {
      const parsed = course.safeParse(doc);
      expect(parsed.success ? [] : parsed.error.issues.map((i) => `${doc.slug}: ${i.path.join('.')}: ${i.message}`)).toEqual([]);
    }
  });
});
