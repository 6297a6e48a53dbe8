import { CAREER_LEVELS, COMPETENCY_GROUPS, SERIES_CODES, type ProficiencyNumber } from '../cards/domain';
import { permalinkFor } from '../cards/identity';
import { renderCard, type CardSource } from './render';

/** mulberry32: a small, well-known seeded PRNG, so the same seed always gives the same cards. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const QUALIFIERS = ['Strategic', 'Operational', 'Federal', 'Applied', 'Advanced', 'Integrated', 'Risk-Based', 'Digital', 'Continuous', 'Collaborative', 'Analytical', 'Regulatory', 'Program', 'Enterprise', 'Fiscal', 'Financial', 'Data', 'Process', 'Quality', 'Performance', 'Budget', 'Audit', 'Cost', 'Grant', 'Contract', 'Revenue', 'Asset', 'Payroll', 'Treasury', 'Systems'];
const SUBJECTS = ['Analysis', 'Planning', 'Reporting', 'Stewardship', 'Communication', 'Leadership', 'Management', 'Forecasting', 'Oversight', 'Compliance', 'Reconciliation', 'Modeling', 'Governance', 'Evaluation', 'Execution', 'Innovation', 'Negotiation', 'Controls', 'Accountability', 'Improvement', 'Decision Making', 'Visualization', 'Presentation', 'Coordination', 'Research', 'Review', 'Design', 'Operations', 'Policy', 'Standards'];
const VERBS = ['Applies', 'Develops', 'Reviews', 'Leads', 'Analyzes', 'Designs', 'Coordinates', 'Evaluates', 'Prepares', 'Advises', 'Monitors', 'Implements', 'Explains', 'Improves', 'Reconciles', 'Presents'];
const OBJECTS = ['budget justifications', 'financial statements', 'audit findings', 'internal controls', 'customer surveys', 'cost models', 'spending plans', 'variance reports', 'program reviews', 'risk assessments', 'data dashboards', 'policy guidance', 'appropriation schedules', 'payroll records', 'grant agreements', 'contract files'];
const CONTEXTS = ['for the office', 'across the agency', 'with stakeholders', 'under tight deadlines', 'in complex situations', 'to meet legal requirements', 'for senior leaders', 'with little guidance'];
const PROVIDERS = ['Graduate School USA', 'Management Concepts', 'AGA', 'Data Society', 'Learning Tree', 'Skillsoft'];
const LEVEL_SPANS: Record<(typeof CAREER_LEVELS)[number], ProficiencyNumber[][]> = {
  Entry: [[1], [1, 2], [2], [1, 2, 3]],
  Mid: [[3], [2, 3], [3, 4], [2, 3, 4]],
  Senior: [[4], [5], [4, 5], [3, 4, 5]],
};

export interface GeneratedCard {
  readonly file: string;
  readonly text: string;
}

/**
 * `count` synthetic but valid cards, the same for the same seed: every (series, competency,
 * career level) is unique, levels and items vary, and the text is drawn from a finance vocabulary
 * so that full-text search has realistic work to do.
 */
export function generateCards(count: number, seed = 1): GeneratedCard[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const sentence = () => `${pick(VERBS)} ${pick(OBJECTS)} ${pick(CONTEXTS)}`;
  const perCompetency = SERIES_CODES.length * CAREER_LEVELS.length;
  const out: GeneratedCard[] = [];
  for (let i = 0; i < count; i++) {
    const c = Math.floor(i / perCompetency);
    const base = `${QUALIFIERS[c % QUALIFIERS.length]} ${SUBJECTS[Math.floor(c / QUALIFIERS.length) % SUBJECTS.length]}`;
    const round = Math.floor(c / (QUALIFIERS.length * SUBJECTS.length));
    const competency = round === 0 ? base : `${base} ${round + 1}`;
    const seriesCode = SERIES_CODES[i % SERIES_CODES.length] ?? '0501';
    const careerLevel = CAREER_LEVELS[Math.floor(i / SERIES_CODES.length) % CAREER_LEVELS.length] ?? 'Entry';
    const group = COMPETENCY_GROUPS[c % COMPETENCY_GROUPS.length] ?? 'Primary';
    const levels = pick(LEVEL_SPANS[careerLevel]).map((level) => ({
      level,
      behaviors: Array.from({ length: 1 + Math.floor(random() * 3) }, sentence),
      definitions: Array.from({ length: 3 }, sentence),
    }));
    const courses = Array.from({ length: Math.floor(random() * 5) }, (_, k) => ({
      title: `${competency} ${pick(['Fundamentals', 'Workshop', 'Essentials', 'Seminar', 'Certificate'])} ${k + 1}`,
      provider: pick(PROVIDERS),
      url: `https://training.example.gov/courses/${seed}-${i}-${k}`,
    }));
    const source: CardSource = {
      seriesCode,
      careerLevel,
      competency,
      group,
      description: `${sentence()}; ${sentence().toLowerCase()}.`,
      levels,
      courses,
    };
    out.push({ file: `${permalinkFor(source).split('/').pop() ?? i}.md`, text: renderCard(source) });
  }
  return out;
}
