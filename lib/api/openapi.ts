/** The OpenAPI 3.1 document of the open-data API, with its schemas generated from the zod schemas the tests check responses against. */
import { z } from 'zod';
import { CAREER_LEVELS, COMPETENCY_GROUPS, SERIES_CODES } from '../cards/domain';
import { MAX_QUERY_LENGTH } from '../filters';
import { cardListSchema, cardSchema, errorSchema } from './cards';

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

const filterParameters = [
  { name: 'series', in: 'query', description: 'Job series (repeatable; values combine with OR).', schema: { type: 'array', items: { type: 'string', enum: SERIES_CODES } }, style: 'form', explode: true },
  { name: 'level', in: 'query', description: 'Career level (repeatable).', schema: { type: 'array', items: { type: 'string', enum: [...CAREER_LEVELS] } }, style: 'form', explode: true },
  { name: 'grade', in: 'query', description: 'A GS grade, 1–15: selects its career level.', schema: { type: 'integer', minimum: 1, maximum: 15 } },
  { name: 'group', in: 'query', description: 'Competency group (repeatable).', schema: { type: 'array', items: { type: 'string', enum: [...COMPETENCY_GROUPS] } }, style: 'form', explode: true },
  { name: 'competency', in: 'query', description: 'Competency slug, as in `competencySlug` (repeatable).', schema: { type: 'array', items: { type: 'string' } }, style: 'form', explode: true },
  { name: 'q', in: 'query', description: `Free text, ranked by relevance (at most ${MAX_QUERY_LENGTH} characters).`, schema: { type: 'string', maxLength: MAX_QUERY_LENGTH } },
  { name: 'page', in: 'query', description: 'A page of 25 results, as on the dashboard; without it, every match.', schema: { type: 'integer', minimum: 1 } },
];

const cached = {
  ETag: { description: 'A strong validator of the body; send it back as If-None-Match.', schema: { type: 'string' } },
  'Cache-Control': { description: 'public, max-age=300, must-revalidate', schema: { type: 'string' } },
};
const ifNoneMatch = { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'An ETag from an earlier answer: 304 when unchanged.' };
const notModified = { description: 'Not modified (the If-None-Match tag matches).', headers: cached };
const error = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });

export function openApiDocument(): Record<string, unknown> {
  const schemas = z.toJSONSchema(z.object({ list: cardListSchema, card: cardSchema, error: errorSchema }), { target: 'draft-2020-12' });
  // Shared definitions become components; their references follow them there.
  const defs = JSON.parse(JSON.stringify((schemas as { $defs?: unknown }).$defs ?? {}).replaceAll('"#/$defs/', '"#/components/schemas/')) as Record<string, unknown>;
  return {
    openapi: '3.1.0',
    info: {
      title: 'FM Career Roadmap open data',
      version: '1.0.0',
      description:
        'The competency cards of the federal financial management career roadmap (job series 0501, 0510, 0511, 0560). `/api/cards` takes the same parameters as the dashboard at /cards and returns the same cards in the same order.',
    },
    paths: {
      '/api/cards': {
        get: {
          summary: 'Cards matching a filter',
          parameters: [...filterParameters, ifNoneMatch],
          responses: {
            200: { description: 'The matching cards, in the dashboard’s order.', headers: cached, content: { 'application/json': { schema: ref('CardList') } } },
            304: notModified,
            400: error('A parameter is unknown or has a value the dashboard would ignore.'),
          },
        },
      },
      '/api/cards.csv': {
        get: {
          summary: 'Cards matching a filter, as CSV',
          description: 'RFC 4180, UTF-8 with a byte-order mark; one row per card; cells that would start a spreadsheet formula are prefixed with a single quote.',
          parameters: [...filterParameters, ifNoneMatch],
          responses: {
            200: { description: 'Columns: Series code, Series title, Career level, GS range, Competency group, Functional designation, Competency, Description, Proficiency levels, Behaviors, Proficiency definitions, Courses, Permalink.', headers: cached, content: { 'text/csv': { schema: { type: 'string' } } } },
            304: notModified,
            400: error('A parameter is unknown or has a value the dashboard would ignore.'),
          },
        },
      },
      '/api/cards/{slug}': {
        get: {
          summary: 'One card',
          parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' }, description: 'The card page’s path after /cards/, as in `slug` of the list.' }, ifNoneMatch],
          responses: {
            200: { description: 'The card.', headers: cached, content: { 'application/json': { schema: ref('Card') } } },
            304: notModified,
            404: error('No card has this slug.'),
          },
        },
      },
    },
    components: { schemas: defs },
  };
}
