/**
 * The HSDS 3.0 REST API for partner agencies, served under `/hsds` to the
 * gateway (which authenticates the caller's bearer token, as for GraphQL,
 * and passes the request on with the internal token). Every authenticated
 * role may read the directory. Lists answer the HSDS `Page` envelope; every
 * query parameter of the HSDS OpenAPI description is supported, and they
 * combine with AND; an unknown or repeated parameter is refused, so that a
 * typo never silently widens a list. `format=ndjson` streams every matching
 * object, one JSON document per line, without paging.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { DataSource, EntityManager } from 'typeorm';
import type { InternalIdentity } from '@caseflow/auth';
import { AppError, isAppError, uuid } from '@caseflow/core';
import { isConnectionError } from '@caseflow/db';
import type { GetRouteResult } from '@caseflow/federation';
import { mayReadDirectory } from '../../access/directory.policy';
import type { TableName } from '../package';
import { CACHE_CONTROL, etagOf, idsAndModified, lastModifiedToSend, NO_STORE, notModified } from './caching';
import {
  expand,
  organizationFull,
  type Relation,
  SERVICE_AT_LOCATION_FULL,
  SERVICE_AT_LOCATION_LIST,
  SERVICE_FULL,
  SERVICE_LIST,
  TAXONOMY_TERM,
} from './expand';
import {
  type ListFilters,
  listBatch,
  listCount,
  listPage,
  type ListQuery,
  newestChange,
  organizationQuery,
  rowById,
  serviceQuery,
  taxonomyQuery,
  taxonomyTermQuery,
} from './hsds-api.sql';
import { openApiDocument, OPENAPI_PATH } from './openapi';
import { type Params, readParams } from './params';

export const HSDS_PREFIX = '/hsds';
export const HSDS_VERSION = '3.0.0';
const STREAM_BATCH = 500;

export interface Endpoint {
  /** Query parameters this endpoint takes. */
  params: readonly string[];
  list?: (filters: ListFilters) => ListQuery;
  /** The nested shape of each object. */
  shape: (p: Params) => { table: TableName; relations: Relation[]; minimal?: boolean };
}

const PAGING = ['page', 'per_page', 'format'] as const;
const SERVICE_FILTERS = ['search', 'taxonomy_term_id', 'taxonomy_id', 'organization_id', 'modified_after'] as const;

/** The lists, by collection (`/hsds/<collection>`). */
export const LISTS: Record<string, Endpoint> = {
  services: {
    params: [...PAGING, ...SERVICE_FILTERS, 'minimal', 'full'],
    list: (f) => serviceQuery(f, false),
    shape: (p) => ({ table: 'service', relations: p.full ? SERVICE_FULL : p.minimal ? [] : SERVICE_LIST, minimal: p.minimal && !p.full }),
  },
  service_at_locations: {
    params: [...PAGING, ...SERVICE_FILTERS, 'full', 'postcode', 'proximity'],
    list: (f) => serviceQuery(f, true),
    shape: (p) => ({ table: 'service_at_location', relations: p.full ? SERVICE_AT_LOCATION_FULL : SERVICE_AT_LOCATION_LIST }),
  },
  organizations: {
    params: [...PAGING, 'search', 'full', 'full_service'],
    list: organizationQuery,
    shape: (p) => ({ table: 'organization', relations: p.full || p.full_service ? organizationFull(p.full_service) : [] }),
  },
  taxonomies: { params: [...PAGING, 'search'], list: taxonomyQuery, shape: () => ({ table: 'taxonomy', relations: [] }) },
  taxonomy_terms: {
    params: [...PAGING, 'search', 'taxonomy_id', 'top_only', 'parent_id'],
    list: taxonomyTermQuery,
    shape: () => ({ table: 'taxonomy_term', relations: TAXONOMY_TERM }),
  },
};

/** One object by id, by collection (`/hsds/<collection>/{id}`). */
export const ONE: Record<string, Endpoint> = {
  services: { params: [], shape: () => ({ table: 'service', relations: SERVICE_FULL }) },
  service_at_locations: { params: [], shape: () => ({ table: 'service_at_location', relations: SERVICE_AT_LOCATION_FULL }) },
  organizations: { params: ['full_service'], shape: (p) => ({ table: 'organization', relations: organizationFull(p.full_service) }) },
  taxonomies: { params: [], shape: () => ({ table: 'taxonomy', relations: [] }) },
  taxonomy_terms: { params: [], shape: () => ({ table: 'taxonomy_term', relations: TAXONOMY_TERM }) },
};

/** The paths that are not a collection: the root (what this API is) and its OpenAPI document; neither takes a parameter. */
const FIXED: Record<string, readonly string[]> = { '/': [], [OPENAPI_PATH]: [] };

/** Every path the API answers (OpenAPI templates, `{id}` for an object's id) with the query parameters it takes. */
export function hsdsRoutes(): Array<{ path: string; params: readonly string[] }> {
  return [
    ...Object.entries(FIXED).map(([path, params]) => ({ path, params })),
    ...Object.entries(LISTS).map(([collection, endpoint]) => ({ path: `/${collection}`, params: endpoint.params })),
    ...Object.entries(ONE).map(([collection, endpoint]) => ({ path: `/${collection}/{id}`, params: endpoint.params })),
  ];
}

/** `minimal`: what identifies the object and when it changed, plus the fields the list schema requires. */
function minimalOf(object: Record<string, unknown>): Record<string, unknown> {
  const { id, name, status, last_modified } = object;
  return { id, name, status, ...(last_modified ? { last_modified } : {}) };
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** The answer statuses of the errors the API answers (the OpenAPI document lists the same). */
export const ERROR_STATUSES: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNAVAILABLE: 503,
};

function errorBody(error: AppError): GetRouteResult {
  const status = ERROR_STATUSES[error.code] ?? 500;
  const body = { errors: [{ message: error.message, extensions: { code: error.code, ...error.details } }] };
  return { status, contentType: JSON_TYPE, text: JSON.stringify(body), headers: { 'cache-control': NO_STORE } };
}

const MAX_PATH = 200;

export class HsdsApi {
  constructor(private readonly dataSource: DataSource) {}

  /** Answers GET /hsds/… for the verified caller. */
  async handle(url: URL, caller: InternalIdentity, headers: IncomingHttpHeaders = {}): Promise<GetRouteResult> {
    try {
      if (!mayReadDirectory(caller.actor)) throw new AppError('FORBIDDEN', 'Your role may not read the resource directory');
      // No HSDS path is long; a long one is not echoed back.
      if (url.pathname.length > MAX_PATH) throw new AppError('NOT_FOUND', `This path is not part of the HSDS API (see ${HSDS_PREFIX}/)`);
      const now = new Date();
      const result = await this.route(url, now);
      return 'body' in result
        ? await this.cacheable(result.body, headers, now)
        : { ...result, headers: { 'cache-control': CACHE_CONTROL } };
    } catch (error) {
      if (isAppError(error)) return errorBody(error);
      if (isConnectionError(error)) return errorBody(new AppError('UNAVAILABLE', 'The directory database is unavailable; retry later'));
      throw error;
    }
  }

  /**
   * A JSON answer with its validators: `304` with no body when the caller's
   * copy is current. The newest change is read after the answer, so it is
   * never older than what the answer holds.
   */
  private async cacheable(body: unknown, headers: IncomingHttpHeaders, now: Date): Promise<GetRouteResult> {
    const text = JSON.stringify(body);
    const etag = etagOf(text);
    const { ids, newest } = idsAndModified(body);
    const recorded = ids.length ? await newestChange(this.dataSource.manager, ids) : null;
    const changed = recorded && (!newest || recorded > newest) ? recorded : newest;
    const lastModified = lastModifiedToSend(changed, now);
    const validators = {
      'cache-control': CACHE_CONTROL,
      etag,
      ...(lastModified ? { 'last-modified': lastModified.toUTCString() } : {}),
    };
    if (notModified(headers, etag, lastModified)) return { status: 304, contentType: JSON_TYPE, text: '', headers: validators };
    return { status: 200, contentType: JSON_TYPE, text, headers: validators };
  }

  private async route(url: URL, now: Date): Promise<GetRouteResult> {
    const path = url.pathname.slice(HSDS_PREFIX.length).replace(/\/+$/, '');
    const [, collection, id, extra] = path.split('/');
    if (`/${collection}` === OPENAPI_PATH && id === undefined) {
      readParams(url, FIXED[OPENAPI_PATH]);
      return { status: 200, body: openApiDocument() };
    }
    if (!collection) {
      readParams(url, FIXED['/']);
      return {
        status: 200,
        body: {
          version: HSDS_VERSION,
          profile: 'https://docs.openreferral.org/en/v3.0/',
          openapi_url: 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json',
        },
      };
    }
    // Own keys only: `/hsds/constructor` or `/hsds/toString/1` must not find Object.prototype's members.
    const endpoints = id === undefined ? LISTS : ONE;
    const endpoint = Object.hasOwn(endpoints, collection) ? endpoints[collection] : undefined;
    // The path is not echoed: an answer never repeats arbitrary caller input.
    if (!endpoint || extra !== undefined) throw new AppError('NOT_FOUND', `This path is not part of the HSDS API (see ${HSDS_PREFIX}/)`);
    const params = readParams(url, endpoint.params);
    const shape = endpoint.shape(params);
    if (id !== undefined) return { status: 200, body: await this.one(shape.table, id, shape.relations, now) };
    const query = (endpoint.list as (f: ListFilters) => ListQuery)(params.filters);
    if (params.format === 'ndjson') {
      return { status: 200, contentType: 'application/x-ndjson; charset=utf-8', text: this.stream(query, shape, now) };
    }
    return { status: 200, body: await this.page(query, shape, params, now) };
  }

  private async one(table: TableName, id: string, relations: Relation[], now: Date): Promise<unknown> {
    const key = uuid('id', id);
    const rows = await rowById(this.dataSource.manager, table, key);
    if (rows.length === 0) throw new AppError('NOT_FOUND', `${table} ${key} was not found`, { entity: table, id: key });
    const [object] = await expand(this.dataSource.manager, table, rows, relations, now);
    return object;
  }

  private async page(query: ListQuery, shape: ReturnType<Endpoint['shape']>, params: Params, now: Date): Promise<unknown> {
    const { page, perPage } = params;
    // Count and page read one snapshot.
    return this.dataSource.transaction('REPEATABLE READ', async (tx: EntityManager) => {
      const total = await listCount(tx, query);
      const rows = await listPage(tx, query, perPage, (page - 1) * perPage);
      const objects = await expand(tx, shape.table, rows, shape.relations, now);
      const contents = shape.minimal ? objects.map(minimalOf) : objects;
      const totalPages = Math.ceil(total / perPage);
      return {
        total_items: total,
        total_pages: totalPages,
        page_number: page,
        size: contents.length,
        first_page: page === 1,
        last_page: page >= totalPages,
        empty: contents.length === 0,
        contents,
      };
    });
  }

  private async *stream(query: ListQuery, shape: ReturnType<Endpoint['shape']>, now: Date): AsyncIterable<string> {
    let after: string | null = null;
    for (;;) {
      const rows = await listBatch(this.dataSource.manager, query, STREAM_BATCH, after);
      const objects = await expand(this.dataSource.manager, shape.table, rows, shape.relations, now);
      if (objects.length > 0) yield objects.map((o) => `${JSON.stringify(shape.minimal ? minimalOf(o) : o)}\n`).join('');
      if (rows.length < STREAM_BATCH) return;
      after = rows[rows.length - 1].id as string;
    }
  }
}
