import { defineDocumentType, defineNestedType, makeSource } from 'contentlayer2/source-files';

/**
 * The portal's content types. Contentlayer reads `.content/`, which `scripts/content-build.ts`
 * writes from `content/`: one JSON document per card and per course, already checked, parsed and
 * normalised by lib/cards (the file, line and field of anything wrong are reported there; ADR 0002).
 * These types are the contract between that step and the site: lib/cards/index.ts checks at compile
 * time that a document is a `Card` (lib/cards/card.ts) and a `Course` (lib/cards/catalogue.ts).
 */

const SERIES = ['0501', '0510', '0511', '0560'];
const CAREER_LEVELS = ['Entry', 'Mid', 'Senior'];
const GROUPS = ['Primary', 'Secondary', 'Alternate', 'Personal', 'Projects', 'Leading'];
const DESIGNATIONS = ['Job Specific Competencies', 'General Career Competencies'];

const GsRange = defineNestedType(() => ({
  name: 'GsRange',
  fields: { min: { type: 'number', required: true }, max: { type: 'number', required: true } },
}));

const ProficiencyGroup = defineNestedType(() => ({
  name: 'ProficiencyGroup',
  fields: {
    level: { type: 'number', required: true, description: '1–5' },
    name: { type: 'string', required: true, description: 'Awareness, Basic, Intermediate, Advanced, Expert' },
    behaviors: { type: 'list', of: { type: 'string' }, required: true },
    definitions: { type: 'list', of: { type: 'string' }, required: true },
  },
}));

const Ungrouped = defineNestedType(() => ({
  name: 'Ungrouped',
  fields: {
    behaviors: { type: 'list', of: { type: 'string' }, required: true },
    definitions: { type: 'list', of: { type: 'string' }, required: true },
  },
}));

const ListedCourse = defineNestedType(() => ({
  name: 'ListedCourse',
  fields: {
    title: { type: 'string', required: true },
    provider: { type: 'string', required: false },
    url: { type: 'string', required: false, description: 'An absolute http(s) URL' },
    number: { type: 'number', required: false },
    comingSoon: { type: 'boolean', required: true },
  },
}));

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
    gs: { type: 'nested', of: GsRange, required: true },
    gsLabel: { type: 'string', required: true },
    designation: { type: 'enum', options: DESIGNATIONS, required: true },
    group: { type: 'enum', options: GROUPS, required: true },
    competency: { type: 'string', required: true },
    competencySlug: { type: 'string', required: true },
    description: { type: 'string', required: true },
    levels: { type: 'list', of: ProficiencyGroup, required: true },
    ungrouped: { type: 'nested', of: Ungrouped, required: true },
    courses: { type: 'list', of: ListedCourse, required: true },
    filters: { type: 'string', required: true },
  },
}));

const CourseServes = defineNestedType(() => ({
  name: 'CourseServes',
  fields: {
    competency: { type: 'string', required: true },
    competencySlug: { type: 'string', required: true },
    levels: { type: 'list', of: { type: 'number' }, required: true },
  },
}));

const CourseDuration = defineNestedType(() => ({
  name: 'CourseDuration',
  fields: { amount: { type: 'number', required: true }, unit: { type: 'string', required: true } },
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
    duration: { type: 'nested', of: CourseDuration, required: false },
    description: { type: 'string', required: true },
    additionalInformation: { type: 'string', required: true },
    serves: { type: 'list', of: CourseServes, required: true },
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
