/** The OpenAPI 3.1 document of the open-data API, with its schemas generated from the zod schemas the tests check responses against. */
import { z } from 'zod';
import { FILTER_PARAMS } from '../filters';
import { cardListSchema, cardSchema, errorSchema } from './cards';

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** The filter parameters of lib/filters.ts (the dashboard's own list), less the signed-in person's and dashboard switches. */
const filterParameters = Object.entries(FILTER_PARAMS)
  .filter(([, spec]) => !('signedIn' in spec) && !('dashboardOnly' in spec))
  .map(([name, spec]) => {
    const item: Record<string, unknown> = { type: spec.type };
    if ('values' in spec) item.enum = [...spec.values];
    if ('minimum' in spec) item.minimum = spec.minimum;
    if ('maximum' in spec) item.maximum = spec.maximum;
    if ('maxLength' in spec) item.maxLength = spec.maxLength;
    return spec.repeatable
      ? { name, in: 'query', description: spec.description, schema: { type: 'array', items: item }, style: 'form', explode: true }
      : { name, in: 'query', description: spec.description, schema: item };
  });

const cached = {
  ETag: { description: 'A strong validator of the body; send it back as If-None-Match.', schema: { type: 'string' } },
  'Cache-Control': { description: 'public, max-age=300, must-revalidate', schema: { type: 'string' } },
};
const ifNoneMatch = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  schema: { type: 'string' },
  description: 'An ETag from an earlier answer: 304 when unchanged.',
};
const notModified = { description: 'Not modified (the If-None-Match tag matches).', headers: cached };
const error = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });

export function openApiDocument(): Record<string, unknown> {
  const schemas = z.toJSONSchema(z.object({ list: cardListSchema, card: cardSchema, error: errorSchema }), { target: 'draft-2020-12' });
  // Shared definitions become components; their references follow them there.
  const defs = JSON.parse(JSON.stringify((schemas as { $defs?: unknown }).$defs ?? {}).replaceAll('"#/$defs/', '"#/components/schemas/')) as Record<
    string,
    unknown
  >;
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
            200: {
              description: 'The matching cards, in the dashboard’s order.',
              headers: cached,
              content: { 'application/json': { schema: ref('CardList') } },
            },
            304: notModified,
            400: error('A parameter is unknown or has a value the dashboard would ignore.'),
          },
        },
      },
      '/api/cards.csv': {
        get: {
          summary: 'Cards matching a filter, as CSV',
          description:
            'RFC 4180, UTF-8 with a byte-order mark; one row per card; cells that would start a spreadsheet formula are prefixed with a single quote.',
          parameters: [...filterParameters, ifNoneMatch],
          responses: {
            200: {
              description:
                'Columns: Series code, Series title, Career level, GS range, Competency group, Functional designation, Competency, Description, Proficiency levels, Behaviors, Proficiency definitions, Courses, Permalink.',
              headers: cached,
              content: { 'text/csv': { schema: { type: 'string' } } },
            },
            304: notModified,
            400: error('A parameter is unknown or has a value the dashboard would ignore.'),
          },
        },
      },
      '/api/cards/{slug}': {
        get: {
          summary: 'One card',
          parameters: [
            {
              name: 'slug',
              in: 'path',
              required: true,
              schema: { type: 'string' },
              description: 'The card page’s path after /cards/, as in `slug` of the list.',
            },
            ifNoneMatch,
          ],
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
