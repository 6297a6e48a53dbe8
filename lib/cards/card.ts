import { parseBody, type LevelItems } from './body';
import { parseCourses, safeHttpUrl, type ListedCourse } from './courses';
import { competencySlug } from './derive';
import { expectedSegment, urlOfSlug } from './identity';
import {
  CAREER_LEVEL_GS,
  designationOfGroup,
  formatGsRange,
  PROFICIENCY_LEVELS,
  SERIES,
  type CareerLevel,
  type CompetencyGroup,
  type FunctionalDesignation,
  type GsRange,
  type ProficiencyNumber,
  type SeriesCode,
} from './domain';
import { FrontMatterError, readFrontMatter } from './frontmatter';
import type { Problem } from './problems';
import { KNOWN_FIELDS, rawCardSchema, type RawCard } from './schema';
import { plainText, splitLevelChunks, splitQuestionList } from './text';

export interface ProficiencyGroup {
  /** 1–5. */
  readonly level: number;
  readonly name: string;
  readonly behaviors: string[];
  readonly definitions: string[];
}

/** A card, normalised: everything a page, a filter or an export needs, as plain data. */
export interface Card {
  /** The card file's path relative to the content folder: its stable identity as a document. */
  readonly sourcePath: string;
  readonly title: string;
  /** The permalink as written (without a trailing slash). */
  readonly permalink: string;
  /** The card's key in the API, exports and code (lib/cards/identity.ts). */
  readonly slug: string;
  /** Where the card's page is served, derived from the slug. */
  readonly url: string;
  readonly seriesCode: SeriesCode;
  readonly seriesTitle: string;
  readonly careerLevel: CareerLevel;
  readonly gs: GsRange;
  readonly gsLabel: string;
  readonly designation: FunctionalDesignation;
  readonly group: CompetencyGroup;
  readonly competency: string;
  readonly competencySlug: string;
  readonly description: string;
  /** Per proficiency level, in ascending order. */
  readonly levels: ProficiencyGroup[];
  /** Front-matter items that could not be tied to a proficiency level. */
  readonly ungrouped: { readonly behaviors: string[]; readonly definitions: string[] };
  /** The courses the card file itself lists (`relevant_courses`); the catalogue's are matched at run time. */
  readonly courses: ListedCourse[];
  readonly filters: string;
}

export interface LoadedCard {
  readonly card: Card | null;
  readonly problems: Problem[];
  /** Canonical front matter for Contentlayer (see scripts/content-build.ts); null when invalid. */
  readonly canonical: Record<string, unknown> | null;
  readonly body: string;
  /** The line of the `permalink` field, where problems about the card's page point. */
  readonly permalinkLine: number;
}

/** Loads, validates and normalises one card file. Never throws for bad content: it reports problems. */
export function loadCard(file: string, text: string, sourcePath: string = file): LoadedCard {
  const problems: Problem[] = [];
  const at = (field: string, line: number, message: string, severity: Problem['severity'] = 'error') => problems.push({ file, line, field, message, severity });

  let fm;
  try {
    fm = readFrontMatter(text);
  } catch (error) {
    if (error instanceof FrontMatterError) {
      at('front matter', error.line, error.message);
      return { card: null, problems, canonical: null, body: '', permalinkLine: 1 };
    }
    throw error;
  }
  if (fm.repaired) {
    at('front matter', 2, 'a quoted value goes on over lines that start at column 1; read as Jekyll reads it (indent those lines to silence this)', 'warning');
  }
  const checked = cardFromData(file, fm.data, fm.body, sourcePath, fm.lines, fm.bodyLine);
  return { ...checked, problems: [...problems, ...checked.problems] };
}

/**
 * Validates and normalises already-parsed front matter and a body: the one path by which both the
 * content build (from files) and the site (from Contentlayer's documents) make a {@link Card}.
 */
export function cardFromData(
  file: string,
  data: Record<string, unknown>,
  body: string,
  sourcePath: string = file,
  lines: Readonly<Record<string, number>> = {},
  bodyLine = 1,
): LoadedCard {
  const problems: Problem[] = [];
  const at = (field: string, line: number, message: string, severity: Problem['severity'] = 'error') => problems.push({ file, line, field, message, severity });
  const lineOf = (field: string) => lines[field] ?? 1;
  for (const key of Object.keys(data)) {
    if (!KNOWN_FIELDS.has(key)) at(key, lineOf(key), 'unknown field, ignored', 'warning');
  }

  const result = rawCardSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'front matter';
      const top = issue.path[0] === undefined ? '' : String(issue.path[0]);
      at(field, top ? lineOf(top) : 2, issue.message);
    }
    return { card: null, problems, canonical: null, body, permalinkLine: lineOf('permalink') };
  }
  const raw = result.data;

  if (raw.level.careerLevel !== raw.career_level) {
    const expected = formatGsRange(CAREER_LEVEL_GS[raw.career_level]);
    at('level', lineOf('level'), `"${raw.level.raw}" does not agree with career_level ${raw.career_level} (${expected})`);
  }
  checkPermalinkForm(raw, (message, severity) => at('permalink', lineOf('permalink'), message, severity));
  checkFilters(raw, (message) => at('filters', lineOf('filters'), message, 'warning'));
  raw.relevant_courses.forEach((item, i) => {
    for (const href of hrefsOf(item)) {
      if (!safeHttpUrl(href))
        at(
          'relevant_courses',
          lineOf('relevant_courses') + i + 1,
          `course link "${href.slice(0, 60)}" is not an http(s) URL; it is shown without a link`,
          'warning',
        );
    }
  });

  const card = normalise(raw, body, sourcePath, (field, message, severity) => at(field, field === 'body' ? bodyLine : lineOf(field), message, severity));
  return { card, problems, canonical: canonicalFrontMatter(raw), body, permalinkLine: lineOf('permalink') };
}

type Report = (field: string, message: string, severity: Problem['severity']) => void;

function normalise(raw: RawCard, body: string, sourcePath: string, report: Report): Card {
  const sections = parseBody(body);
  for (const term of sections.unreadableTerms) {
    report('body', `could not read a proficiency level from "${term}" (expected e.g. "Level 3 - Intermediate")`, 'error');
  }
  const named = new Set<ProficiencyNumber>([...sections.behaviors.map((l) => l.level), ...sections.definitions.map((l) => l.level)]);
  const levelsNamed = [...named].sort((a, b) => a - b);

  const behaviors = fillFromFrontMatter(sections.behaviors, raw.behavior_illustrations, levelsNamed);
  const definitions = fillFromFrontMatter(sections.definitions, raw.proficiency_level_definition, levelsNamed);

  const levels: ProficiencyGroup[] = levelsNamed.map((level) => ({
    level,
    name: PROFICIENCY_LEVELS[level],
    behaviors: behaviors.byLevel.get(level) ?? [],
    definitions: definitions.byLevel.get(level) ?? [],
  }));
  for (const group of levels) {
    if (group.behaviors.length === 0) report('body', `Level ${group.level} - ${group.name} has no behavior illustrations`, 'warning');
    if (group.definitions.length === 0) report('body', `Level ${group.level} - ${group.name} has no proficiency definitions`, 'warning');
  }
  if (levels.length === 0 && behaviors.ungrouped.length === 0 && definitions.ungrouped.length === 0) {
    report('body', 'the card has no behavior illustrations or proficiency definitions', 'warning');
  }

  const gs = raw.level.gs;
  const seriesTitle = raw.job_series_title ? plainText(raw.job_series_title) : SERIES[raw.series];
  return {
    sourcePath,
    title: plainText(raw.title),
    permalink: raw.permalink.path,
    // Provisional: the collection decides where a /cardsNew/ card is served (ADR 0003).
    slug: raw.permalink.slug,
    url: urlOfSlug(raw.permalink.slug),
    seriesCode: raw.series,
    seriesTitle,
    careerLevel: raw.career_level,
    gs,
    gsLabel: formatGsRange(gs),
    designation: designationOfGroup(raw.competency_group),
    group: raw.competency_group,
    competency: plainText(raw.competency),
    competencySlug: competencySlug(raw.competency),
    description: plainText(raw.competency_description),
    levels,
    ungrouped: { behaviors: behaviors.ungrouped, definitions: definitions.ungrouped },
    courses: parseCourses(raw.relevant_courses),
    filters: raw.filters ? plainText(raw.filters) : '',
  };
}

/**
 * The body's `<dl>` is the only source that groups items by proficiency level. Where a panel is
 * missing from the body, the front-matter list is the fallback: it is split per level when its
 * `?`-separated chunks line up one-to-one with the levels the body names, else kept ungrouped.
 */
function fillFromFrontMatter(
  fromBody: LevelItems[],
  frontMatter: string,
  levelsNamed: ProficiencyNumber[],
): { byLevel: Map<ProficiencyNumber, string[]>; ungrouped: string[] } {
  const byLevel = new Map<ProficiencyNumber, string[]>(fromBody.map((l) => [l.level, l.items]));
  const hasBodyItems = fromBody.some((l) => l.items.length > 0);
  if (hasBodyItems || !frontMatter.trim()) return { byLevel, ungrouped: [] };
  const chunks = splitLevelChunks(frontMatter);
  if (levelsNamed.length > 0 && chunks.length === levelsNamed.length) {
    levelsNamed.forEach((level, i) => byLevel.set(level, chunks[i] ?? []));
    return { byLevel, ungrouped: [] };
  }
  if (levelsNamed.length === 1 && levelsNamed[0] !== undefined) {
    byLevel.set(levelsNamed[0], splitQuestionList(frontMatter));
    return { byLevel, ungrouped: [] };
  }
  return { byLevel, ungrouped: splitQuestionList(frontMatter) };
}

/** The front matter Contentlayer reads: the same fields, with every accepted variant made canonical. */
function canonicalFrontMatter(raw: RawCard): Record<string, unknown> {
  return {
    layout: raw.layout ?? 'career-planning-landing',
    category: raw.category ?? 'career',
    title: raw.title,
    series: Number(raw.series),
    job_series_title: raw.job_series_title ?? SERIES[raw.series],
    job_series: raw.job_series ?? `${raw.series} ${SERIES[raw.series]}`,
    career_level: raw.career_level,
    permalink: raw.permalink.path,
    functional_competency_designation: raw.functional_competency_designation ?? designationOfGroup(raw.competency_group),
    competency: raw.competency,
    competency_group: raw.competency_group,
    competency_description: raw.competency_description,
    level: raw.level.raw,
    behavior_illustrations: raw.behavior_illustrations,
    proficiency_level_definition: raw.proficiency_level_definition,
    relevant_courses: raw.relevant_courses,
    filters: raw.filters ?? '',
  };
}

function checkPermalinkForm(raw: RawCard, report: (message: string, severity: Problem['severity']) => void): void {
  const expected = expectedSegment({ seriesCode: raw.series, competency: raw.competency, careerLevel: raw.career_level });
  if (raw.permalink.slug !== expected) {
    report(`the last segment "${raw.permalink.slug}" should be "${expected}" (<series>-<competency>-<level>)`, 'error');
  }
}

/** `filters` is CFO.gov's search key: `<Group>-<Competency-Slug> GS-<min>-<max> series-<0510>`. */
function checkFilters(raw: RawCard, report: (message: string) => void): void {
  if (!raw.filters) return;
  const tokens = plainText(raw.filters).split(/\s+/u);
  const group = `${raw.competency_group}-${competencySlug(raw.competency)}`;
  const gs = [`GS-${raw.level.gs.min}-${raw.level.gs.max}`, `GS-${raw.career_level}`];
  const series = `series-${raw.series}`;
  if (!tokens.includes(group)) report(`"${raw.filters}" should contain "${group}"`);
  if (!tokens.some((t) => gs.includes(t))) report(`"${raw.filters}" should contain "${gs[0]}"`);
  if (!tokens.includes(series)) report(`"${raw.filters}" should contain "${series}"`);
}

function hrefsOf(item: string): string[] {
  return [...item.matchAll(/href\s*=\s*"([^"]*)"/giu)].map((m) => m[1] ?? '');
}
