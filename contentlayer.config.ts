import { defineDocumentType, makeSource } from 'contentlayer2/source-files';

/**
 * The portal's content types. Contentlayer reads `.content/`, which `scripts/content-build.ts`
 * writes from `content/`: one JSON document per card and per course, already checked, parsed and
 * normalised by lib/cards (the file, line and field of anything wrong are reported there; ADR 0002).
 * These types are the contract between that step and the site: lib/cards/index.ts checks at compile
 * time that a document is a `Card` (lib/cards/card.ts) and a `Course` (lib/cards/catalogue.ts).
 *
 * The structured parts (proficiency levels, courses, GS range) are `json` fields: Contentlayer's
 * nested types cost it twice the time (65 s instead of 32 s at 10,000 cards) to re-check what the
 * content step has just checked. Their shape is the one lib/cards writes, and a unit test
 * (content-contract.test.ts) checks every generated document against it.
 */

const SERIES = ['0501', '0510', '0511', '0560'];
const CAREER_LEVELS = ['Entry', 'Mid', 'Senior'];
const GROUPS = ['Primary', 'Secondary', 'Alternate', 'Personal', 'Projects', 'Leading'];
const DESIGNATIONS = ['Job Specific Competencies', 'General Career Competencies'];

export const Card = defineDocumentType(() => ({
  name: 'Card',
  filePathPattern: 'cards/**/*.json',
  contentType: 'data',
  fields: {
    sourcePath: { type: 'string', required: true, description: 'The card file, relative to content/cards/' },
    title: { type: 'string', required: true },
    permalink: { type: 'string', required: true, description: 'As written in the card file' },
    slug: { type: 'string', required: true, description: 'The card’s key (lib/cards/identity.ts)' },
    url: { type: 'string', required: true, description: 'Where the card page is served' },
    seriesCode: { type: 'enum', options: SERIES, required: true },
    seriesTitle: { type: 'string', required: true },
    careerLevel: { type: 'enum', options: CAREER_LEVELS, required: true },
    gs: { type: 'json', required: true, description: '{ min: number; max: number }' },
    gsLabel: { type: 'string', required: true },
    designation: { type: 'enum', options: DESIGNATIONS, required: true },
    group: { type: 'enum', options: GROUPS, required: true },
    competency: { type: 'string', required: true },
    competencySlug: { type: 'string', required: true },
    description: { type: 'string', required: true },
    levels: { type: 'json', required: true, description: 'ProficiencyGroup[] (lib/cards/card.ts)' },
    ungrouped: { type: 'json', required: true, description: '{ behaviors: string[]; definitions: string[] }' },
    courses: { type: 'json', required: true, description: 'ListedCourse[] (lib/cards/courses.ts)' },
    filters: { type: 'string', required: true },
  },
}));

export const Course = defineDocumentType(() => ({
  name: 'Course',
  filePathPattern: 'courses/**/*.json',
  contentType: 'data',
  fields: {
    slug: { type: 'string', required: true },
    line: { type: 'number', required: true, description: 'Line of its first row in courses.csv' },
    title: { type: 'string', required: true },
    provider: { type: 'string', required: false },
    url: { type: 'string', required: true },
    creditType: { type: 'string', required: false },
    price: { type: 'number', required: false, description: 'Whole US dollars; 0 is free' },
    modality: { type: 'string', required: false },
    duration: { type: 'json', required: false, description: '{ amount: number; unit: string }' },
    description: { type: 'string', required: true },
    additionalInformation: { type: 'string', required: true },
    serves: { type: 'json', required: true, description: 'CourseServes[] (lib/cards/catalogue.ts)' },
  },
}));

export default makeSource({
  contentDirPath: '.content',
  documentTypes: [Card, Course],
  onMissingOrIncompatibleData: 'fail',
  onUnknownDocuments: 'fail',
  onExtraFieldData: 'fail',
  disableImportAliasWarning: true,
});
