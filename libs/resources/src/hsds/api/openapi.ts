/**
 * The OpenAPI document of the HSDS API as this service answers it, served at
 * `/hsds/openapi.json`: HSDS 3.0's OpenAPI description (`../openapi.json`,
 * unchanged from the specification) with this project's server, bearer
 * authentication, parameter bounds, conditional requests (ETag,
 * Last-Modified, 304), the `ndjson` stream and the coded error answers.
 * `openapi.spec.ts` checks it against the routes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_MINIMAL_PER_PAGE, MAX_PER_PAGE, MAX_PROXIMITY_METERS, DEFAULT_PER_PAGE } from './params';

export const OPENAPI_PATH = '/openapi.json';

type Json = Record<string, unknown>;
type Operation = Json & { parameters?: Json[]; responses: Record<string, Json> };

const UUID_SCHEMA = { type: 'string', format: 'uuid' };

/** The project's bounds and meanings on HSDS's shared parameters (what params.ts accepts). */
const PARAMETER_SCHEMAS: Record<string, { schema: Json; description?: string }> = {
  search: { schema: { type: 'string', maxLength: 200 } },
  page: { schema: { type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 } },
  per_page: {
    schema: { type: 'integer', minimum: 1, maximum: MAX_MINIMAL_PER_PAGE, default: DEFAULT_PER_PAGE },
    description: `Number of results requested in a single page: at most ${MAX_PER_PAGE}, or ${MAX_MINIMAL_PER_PAGE} with \`minimal=true\`.`,
  },
  minimal: { schema: { type: 'boolean', default: false } },
  full: { schema: { type: 'boolean', default: false } },
  full_service: { schema: { type: 'boolean', default: false } },
  modified_after: {
    schema: { type: 'string', anyOf: [{ format: 'date' }, { format: 'date-time' }] },
    description:
      "Only services whose `last_modified` is on or after this date (`2026-11-01`) or instant with a time zone (`2026-11-01T00:00:00Z`), from 1900 on. A mirror keeps the time of its last complete pass and asks for what changed since (see the project's README).",
  },
  taxonomy_term_id: { schema: UUID_SCHEMA, description: 'Only services with this taxonomy term or one of its descendants.' },
  taxonomy_id: { schema: UUID_SCHEMA },
  organization_id: { schema: UUID_SCHEMA },
  postcode: { schema: { type: 'string', maxLength: 20 } },
  proximity: {
    schema: { type: 'number', exclusiveMinimum: 0, maximum: MAX_PROXIMITY_METERS },
    description: `Meters (at most ${MAX_PROXIMITY_METERS}) from the centroid of the directory's addresses with \`postcode\`, which it needs.`,
  },
  format: { schema: { type: 'string', enum: ['json', 'ndjson'], default: 'json' } },
};

const INLINE_PARAMETER_SCHEMAS: Record<string, Json> = {
  top_only: { type: 'boolean', default: false },
  parent_id: UUID_SCHEMA,
};

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

const VALIDATOR_HEADERS = {
  ETag: ref('headers', 'ETag'),
  'Last-Modified': ref('headers', 'Last-Modified'),
  'Cache-Control': ref('headers', 'Cache-Control'),
};

function errorResponse(description: string): Json {
  return {
    description,
    headers: { 'Cache-Control': { description: '`no-store`', schema: { type: 'string' } } },
    content: { 'application/json': { schema: ref('schemas', 'Errors') } },
  };
}

const COMPONENTS = {
  schemas: {
    Errors: {
      type: 'object',
      required: ['errors'],
      description: 'A refusal: one error with its code and, for bad input, the parameter it is about.',
      properties: {
        errors: {
          type: 'array',
          items: {
            type: 'object',
            required: ['message', 'extensions'],
            properties: {
              message: { type: 'string' },
              extensions: {
                type: 'object',
                required: ['code'],
                properties: {
                  code: { type: 'string', enum: ['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'UNAVAILABLE'] },
                  field: { type: 'string', description: 'The parameter (or `id`) that is wrong, for BAD_USER_INPUT.' },
                  requestId: { type: 'string', description: "The gateway's id of the request, for support." },
                },
              },
            },
          },
        },
      },
    },
  },
  parameters: {
    'If-None-Match': {
      name: 'If-None-Match',
      in: 'header',
      required: false,
      description: 'ETags of copies the caller holds: `304` with no body when the answer is still one of them.',
      schema: { type: 'string' },
    },
    'If-Modified-Since': {
      name: 'If-Modified-Since',
      in: 'header',
      required: false,
      description: 'Used only without If-None-Match: `304` when nothing the answer contains changed since (one-second precision).',
      schema: { type: 'string' },
    },
  },
  headers: {
    ETag: {
      description: 'Strong entity tag: the SHA-256 of the exact answer; changes with any change to what the answer contains.',
      schema: { type: 'string' },
    },
    'Last-Modified': {
      description:
        "The newest change to what the answer contains (HSDS metadata and services' `last_modified`); absent when none is recorded.",
      schema: { type: 'string' },
    },
    'Cache-Control': {
      description: '`private, no-cache`: answers depend on the caller, and a stored copy is revalidated before each use.',
      schema: { type: 'string' },
    },
  },
  responses: {
    NotModified: { description: 'The copy named by If-None-Match (or If-Modified-Since) is current; no body.', headers: VALIDATOR_HEADERS },
    BadRequest: errorResponse('A parameter is unknown, repeated or out of its bounds (BAD_USER_INPUT naming it in `field`).'),
    Unauthenticated: errorResponse('No valid bearer token (UNAUTHENTICATED).'),
    Forbidden: errorResponse('The caller may not read the directory (FORBIDDEN).'),
    NotFound: errorResponse('No such path, or no object with this id (NOT_FOUND).'),
    Unavailable: errorResponse('The directory cannot answer now; retry later (UNAVAILABLE).'),
    TooManyRequests: {
      ...errorResponse("Over the caller's request budget at the gateway (RATE_LIMITED); retry after `Retry-After` seconds."),
      headers: {
        'Cache-Control': { description: '`no-store`', schema: { type: 'string' } },
        'Retry-After': { description: 'Seconds to wait before the next request.', schema: { type: 'integer', minimum: 1 } },
      },
    },
  },
  securitySchemes: {
    bearer: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description:
        "The same bearer token as the GraphQL API's, from the agency's OpenID Connect provider: a staff member's, or a partner system's client-credentials token with the scope `directory:read`. With DIRECTORY_PUBLIC, no token is needed to read.",
    },
  },
};

/** The HSDS 3.0 OpenAPI description as the specification publishes it. */
function hsdsOpenApi(): Json & { components: Json & { parameters: Record<string, Json> }; paths: Record<string, Json> } {
  return JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8'));
}

/** Conditional requests, the ndjson stream and the coded errors on one of HSDS's operations. */
function adapt(operation: Operation): void {
  for (const parameter of operation.parameters ?? []) {
    if (typeof parameter.name === 'string' && INLINE_PARAMETER_SCHEMAS[parameter.name])
      parameter.schema = INLINE_PARAMETER_SCHEMAS[parameter.name];
  }
  operation.parameters = [...(operation.parameters ?? []), ref('parameters', 'If-None-Match'), ref('parameters', 'If-Modified-Since')];
  const ok = operation.responses['200'];
  ok.headers = VALIDATOR_HEADERS;
  const isList = (operation.parameters ?? []).some((p) => p.$ref === '#/components/parameters/format');
  if (isList) {
    (ok.content as Json)['application/x-ndjson'] = {
      schema: {
        type: 'string',
        description: 'With `format=ndjson`: every matching object, one JSON document a line, no paging and no ETag.',
      },
    };
  }
  operation.responses = {
    ...operation.responses,
    '304': ref('responses', 'NotModified'),
    '400': ref('responses', 'BadRequest'),
    '401': ref('responses', 'Unauthenticated'),
    '403': ref('responses', 'Forbidden'),
    '404': ref('responses', 'NotFound'),
    '429': ref('responses', 'TooManyRequests'),
    '503': ref('responses', 'Unavailable'),
  };
}

let cached: Json | undefined;

/** The document served at `/hsds/openapi.json` (built once). */
export function openApiDocument(): Json {
  if (cached) return cached;
  const doc = hsdsOpenApi();
  for (const [name, change] of Object.entries(PARAMETER_SCHEMAS)) {
    const parameter = doc.components.parameters[name];
    if (!parameter) throw new Error(`The HSDS OpenAPI description has no parameter ${name}`);
    parameter.schema = change.schema;
    if (change.description) parameter.description = change.description;
  }
  for (const item of Object.values(doc.paths)) {
    const pathItem = item as Json & { get: Operation; parameters?: Json[] };
    // Ids are UUIDs here; anything else is BAD_USER_INPUT naming `id`.
    for (const parameter of pathItem.parameters ?? []) if (parameter.name === 'id') parameter.schema = UUID_SCHEMA;
    adapt(pathItem.get);
  }
  doc.paths[OPENAPI_PATH] = {
    get: {
      summary: 'This document.',
      description: 'The OpenAPI description of this HSDS API as served, with its parameters, bounds and errors.',
      operationId: 'getOpenApiDocument',
      parameters: [ref('parameters', 'If-None-Match'), ref('parameters', 'If-Modified-Since')],
      responses: {
        '200': {
          description: 'The OpenAPI 3.1 document.',
          headers: VALIDATOR_HEADERS,
          content: { 'application/json': { schema: { type: 'object' } } },
        },
        '304': ref('responses', 'NotModified'),
        '400': ref('responses', 'BadRequest'),
        '401': ref('responses', 'Unauthenticated'),
        '403': ref('responses', 'Forbidden'),
        '429': ref('responses', 'TooManyRequests'),
        '503': ref('responses', 'Unavailable'),
      },
    },
  };
  const components = doc.components as Record<string, Record<string, unknown>>;
  for (const [kind, entries] of Object.entries(COMPONENTS)) components[kind] = { ...(components[kind] ?? {}), ...entries };
  cached = {
    ...doc,
    info: {
      title: 'Caseflow resource directory (Open Referral HSDS 3.0)',
      version: '3.0.0',
      summary: "The agency's directory of services, organizations, locations and taxonomy as HSDS 3.0.",
      description:
        'Every query parameter combines with AND; an unknown or repeated parameter is refused (400 naming it). Lists answer the HSDS Page envelope, or with `format=ndjson` every match as a stream. Answers carry a strong ETag and are `private, no-cache`: send If-None-Match to get `304` when nothing changed. To mirror the directory, read `/services?format=ndjson` once, then `/services?format=ndjson&modified_after=<start of the previous pass>`. Based on the Open Referral HSDS 3.0 OpenAPI description (CC BY-SA 4.0).',
      license: { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
    },
    servers: [{ url: '/hsds', description: "The gateway's HSDS API (relative to the address this document was read from)." }],
    security: [{ bearer: [] }],
  };
  return cached;
}
