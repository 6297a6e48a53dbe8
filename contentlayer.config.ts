import { defineDocumentType, makeSource } from 'contentlayer2/source-files';

/**
 * The card document type. Contentlayer reads `.content/`, the checked and canonicalised copy of
 * `content/` that `scripts/content-build.ts` writes (ADR 0002): every card there has passed the
 * schema in `lib/cards/schema.ts`, which accepts the variants CFO.gov has written and reports the
 * file, line and field of anything it cannot accept. These fields are that canonical form.
 */
export const Card = defineDocumentType(() => ({
  name: 'Card',
  filePathPattern: 'cards/**/*.md',
  contentType: 'markdown',
  fields: {
    layout: { type: 'string', required: true, description: 'Jekyll layout on CFO.gov (career-planning-landing)' },
    category: { type: 'string', required: true },
    title: { type: 'string', required: true, description: '"<job_series> <career_level> <competency>"' },
    series: { type: 'number', required: true, description: 'Job series without the leading zero: 501, 510, 511, 560' },
    job_series_title: { type: 'string', required: true },
    job_series: { type: 'string', required: true, description: '"0510 Accounting"' },
    career_level: { type: 'enum', options: ['Entry', 'Mid', 'Senior'], required: true },
    permalink: { type: 'string', required: true, description: '/cards/<series>-<competency>-<level> (or CFO.gov\'s /cardsNew/…)' },
    functional_competency_designation: { type: 'string', required: true },
    competency: { type: 'string', required: true },
    competency_group: {
      type: 'enum',
      options: ['Primary', 'Secondary', 'Alternate', 'Personal', 'Projects', 'Leading'],
      required: true,
    },
    competency_description: { type: 'string', required: true },
    level: { type: 'string', required: true, description: 'GS range: "10-13", "Senior&#58; (14-15)"' },
    behavior_illustrations: { type: 'string', required: false, default: '', description: '"?"-separated; the body is the per-level source' },
    proficiency_level_definition: { type: 'string', required: false, default: '' },
    relevant_courses: { type: 'list', of: { type: 'string' }, required: false, default: [] },
    filters: { type: 'string', required: false, default: '' },
  },
  computedFields: {
    slug: { type: 'string', resolve: (doc) => doc.permalink.replace(/\/+$/u, '').split('/').pop() ?? '' },
  },
}));

export default makeSource({
  contentDirPath: '.content',
  contentDirExclude: ['routes.json'],
  documentTypes: [Card],
  onMissingOrIncompatibleData: 'fail',
  onUnknownDocuments: 'fail',
  onExtraFieldData: 'fail',
  disableImportAliasWarning: true,
  // The body is raw HTML that lib/cards parses itself; Markdown rendering of it is never used.
  markdown: { remarkPlugins: [], rehypePlugins: [] },
});
