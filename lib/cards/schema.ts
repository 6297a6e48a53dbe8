import { z } from 'zod';
import { CAREER_LEVELS, COMPETENCY_GROUPS, SERIES_CODES } from './domain';
import { normaliseCareerLevel, parseGsLevel, parsePermalink, seriesCodeOf } from './derive';
import { plainText } from './text';

const text = z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') });
const requiredText = text.refine((v) => v.trim().length > 0, 'must not be empty');
const optionalText = z
  .union([z.string(), z.number()], { error: 'must be text' })
  .nullish()
  .transform((v) => (v === null || v === undefined ? undefined : String(v)));

/** An optional `?`-separated list; a number or boolean here is a type error. */
const questionList = z
  .string({ error: 'must be text (items separated by "?")' })
  .nullish()
  .transform((v) => v ?? '');

/**
 * The front matter of a card, as CFO.gov writes it, after YAML parsing. This is the contract with
 * content authors: it says what is required and which variants are accepted. Contentlayer's
 * document type (contentlayer.config.ts) mirrors the canonical output.
 */
export const rawCardSchema = z
  .object({
    layout: optionalText,
    category: optionalText,
    title: requiredText,
    series: z
      .union([z.number(), z.string()], { error: (i) => (i.input === undefined ? 'is required' : 'must be a number such as 510') })
      .transform((v, ctx) => {
        const code = seriesCodeOf(v);
        if (!code) {
          ctx.addIssue({ code: 'custom', message: `"${v}" is not a known job series (${SERIES_CODES.join(', ')})` });
          return z.NEVER;
        }
        return code;
      }),
    job_series_title: optionalText,
    job_series: optionalText,
    career_level: requiredText.transform((v, ctx) => {
      const level = normaliseCareerLevel(v);
      if (!level) {
        ctx.addIssue({ code: 'custom', message: `"${v}" is not a career level (${CAREER_LEVELS.join(', ')})` });
        return z.NEVER;
      }
      return level;
    }),
    permalink: requiredText.transform((v, ctx) => {
      const parts = parsePermalink(v);
      if (!parts) {
        ctx.addIssue({ code: 'custom', message: `"${v}" is not a path of the form /cards/<slug>` });
        return z.NEVER;
      }
      return parts;
    }),
    functional_competency_designation: optionalText,
    competency: requiredText,
    competency_group: requiredText.transform((v, ctx) => {
      const group = COMPETENCY_GROUPS.find((g) => g.toLowerCase() === plainText(v).toLowerCase());
      if (!group) {
        ctx.addIssue({ code: 'custom', message: `"${v}" is not a competency group (${COMPETENCY_GROUPS.join(', ')})` });
        return z.NEVER;
      }
      return group;
    }),
    competency_description: requiredText,
    level: z.union([z.string(), z.number()], { error: (i) => (i.input === undefined ? 'is required' : 'must be text such as "10-13"') }).transform((v, ctx) => {
      const parsed = parseGsLevel(v);
      if (!parsed) {
        ctx.addIssue({ code: 'custom', message: `could not read a GS range such as "10-13" from "${v}"` });
        return z.NEVER;
      }
      return { raw: String(v), ...parsed };
    }),
    behavior_illustrations: questionList,
    proficiency_level_definition: questionList,
    relevant_courses: z
      .union([z.array(z.union([z.string(), z.number()]).nullable()), z.string()], { error: 'must be a list of courses' })
      .nullish()
      .transform((v) => {
        if (v === null || v === undefined) return [];
        if (typeof v === 'string') return v.trim() === '' || v.trim().toLowerCase() === 'nan' ? [] : [v];
        return v.filter((x): x is string | number => x !== null).map(String);
      }),
    filters: optionalText,
  })
  .loose();

export type RawCard = z.output<typeof rawCardSchema>;

export const KNOWN_FIELDS: ReadonlySet<string> = new Set(Object.keys(rawCardSchema.shape));
