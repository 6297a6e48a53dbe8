import { escapeText, escapeAttribute } from 'entities';
import { stringify } from 'yaml';
import {
  CAREER_LEVEL_GS,
  designationOfGroup,
  PROFICIENCY_LEVELS,
  SERIES,
  type CareerLevel,
  type CompetencyGroup,
  type ProficiencyNumber,
  type SeriesCode,
} from '../cards/domain';
import { competencySlug } from '../cards/derive';
import { permalinkFor } from '../cards/identity';

/** Everything a card file in the seed format says, as plain values. */
export interface CardSource {
  readonly seriesCode: SeriesCode;
  readonly careerLevel: CareerLevel;
  readonly competency: string;
  readonly group: CompetencyGroup;
  readonly description: string;
  /** Per proficiency level, ascending. */
  readonly levels: readonly { level: ProficiencyNumber; behaviors: readonly string[]; definitions: readonly string[] }[];
  readonly courses: readonly { title: string; provider: string | null; url: string | null }[];
}

/** The `relevant_courses` item CFO.gov's newest cards write: a link, then the provider. */
function courseItem(course: CardSource['courses'][number]): string {
  const title = escapeText(course.title);
  const provider = course.provider ? `, ${escapeText(course.provider)}` : '';
  if (!course.url) return `${title}${provider}`;
  const label = escapeAttribute(`${course.title} - ${course.url}`);
  return `<a href="${escapeAttribute(course.url)}" aria-label="${label}">${title}</a>${provider}`;
}

function panel(heading: string, competency: string, levels: CardSource['levels'], pick: (l: CardSource['levels'][number]) => readonly string[]): string {
  const items = levels
    .map((l) => `<dt>${escapeText(competency)} (Level ${l.level} - ${PROFICIENCY_LEVELS[l.level]})</dt>${pick(l).map((i) => `<dd>${escapeText(i)}</dd>`).join('')}`)
    .join('');
  return [
    '<div class="desktop:grid-col-6 margin-y-205">',
    '  <div class="border-top-05 bg-white padding-2 shadow-5 height-full members-hover border-1px border-gray-30 border-top-orange radius-lg">',
    `    <h3>${heading}</h3>`,
    `    <dl class="text-base">${items}</dl>`,
    '  </div>',
    '</div>',
  ].join('\n');
}

/** Front matter (in the seeds' key order) and a body, as a card file. */
export function renderCardFile(frontMatter: Record<string, unknown>, body: string): string {
  const yaml = stringify(frontMatter, { lineWidth: 0, defaultStringType: 'PLAIN', nullStr: '' })
    // CFO.gov quotes the GS range ("10-13"), so that no YAML reader takes it for anything but text.
    .replace(/^level: ([^"'\n]+)$/mu, (_, value: string) => `level: ${JSON.stringify(value)}`);
  return `---\n${yaml}---\n${body}`;
}

/** A card file in the seed format: front matter in the seeds' order, and the two `<dl>` panels. */
export function renderCard(source: CardSource): string {
  const gs = CAREER_LEVEL_GS[source.careerLevel];
  const seriesNumber = Number(source.seriesCode);
  const title = `${source.seriesCode} ${SERIES[source.seriesCode]} ${source.careerLevel} ${source.competency}`;
  const frontMatter = {
    layout: 'career-planning-landing',
    category: 'career',
    title,
    series: seriesNumber,
    job_series_title: SERIES[source.seriesCode],
    job_series: `${source.seriesCode} ${SERIES[source.seriesCode]}`,
    career_level: source.careerLevel,
    permalink: permalinkFor(source),
    functional_competency_designation: designationOfGroup(source.group),
    competency: source.competency,
    competency_group: source.group,
    competency_description: source.description,
    level: `${gs.min}-${gs.max}`,
    behavior_illustrations: source.levels.flatMap((l) => l.behaviors).join(' ? '),
    proficiency_level_definition: source.levels.flatMap((l) => l.definitions).join(' ? '),
    relevant_courses: source.courses.length > 0 ? source.courses.map(courseItem) : null,
    filters: `${source.group}-${competencySlug(source.competency)} GS-${gs.min}-${gs.max} series-${source.seriesCode}`,
  };
  const body = `\n${panel('Behavior Illustrations', source.competency, source.levels, (l) => l.behaviors)}\n${panel('Proficiency Level Definition', source.competency, source.levels, (l) => l.definitions)}\n`;
  return renderCardFile(frontMatter, body);
}
