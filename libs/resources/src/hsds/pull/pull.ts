/**
 * Pulls another HSDS 3.0 directory into this one through its HSDS API:
 * `/services?full=true` page by page — each service with its phones,
 * schedules, languages, contacts, organization, program and its services at
 * locations, each with its location fully nested — and, on a source's first
 * pull (or with `full`), `/organizations?full=true` (organizations with
 * their own locations, phones, contacts and programs), `/taxonomies` and
 * `/taxonomy_terms`. Later pulls ask `/services` only with `modified_after`,
 * the latest `last_modified` the source's previous successful pull brought.
 *
 * Everything is fetched first; then every row goes through the data-package
 * import's checks (cells, row rules, references) and the rows that differ
 * from the stored ones are written in one transaction, with one HSDS
 * `metadata` row per changed field naming the source, and the source's new
 * watermark. A failure anywhere — the source down half-way, a page that is
 * not HSDS, a row that breaks a rule — writes nothing and leaves the
 * watermark where it was. Rows that did not change are not written, so an
 * unchanged directory pulls as no writes at all.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { badInput, isUuid } from '@caseflow/core';
import { organizationFull, type Relation, SERVICE_FULL, TAXONOMY_TERM } from '../api/expand';
import { checkRows, PackageError, type TableData, writeTables } from '../import';
import { type HsdsField, hsdsTable, IMPORT_ORDER, type TableName } from '../package';
import { jsonValue } from '../values';
import { type Cells, flatten, type RowsByTable, ShapeError } from './flatten';
import { insertMetadata, lockSource, saveSource, sourceWatermark, storedRows } from './pull.sql';

export interface PullOptions {
  /** The base URL of the other directory's HSDS API (its root answers the HSDS version). */
  url: string;
  /** A bearer token the source requires. */
  token?: string;
  /** Only this organization's services (and the organization). */
  organizationId?: string;
  /** Ignore the watermark: pull everything. */
  full?: boolean;
  /** Per request. */
  timeoutMs?: number;
  perPage?: number;
  now?: Date;
}

export interface PullReport {
  source: string;
  /** The `modified_after` asked, or null for a full pull. */
  modifiedAfter: string | null;
  requests: number;
  /** Rows written (new or changed) per table. */
  written: Record<string, number>;
  /** Rows the source served that were already as stored. */
  unchanged: number;
  /** The watermark the next pull asks from. */
  watermark: string | null;
  warnings: string[];
}

/** The source answered something that is not a usable HSDS 3.0 answer; nothing was written. */
export class PullError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PullError';
  }
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_PER_PAGE = 100;
const MAX_PAGES = 100_000;
const MAX_BODY = 64 * 1024 * 1024;
/** Tables a pull records provenance for (the metadata tables themselves are copied as served). */
const TRACKED = IMPORT_ORDER.filter((t) => t !== 'metadata' && t !== 'meta_table_description');

/** The source's base URL, checked: http(s), no credentials, query or fragment; without a trailing slash. */
export function sourceUrl(text: string, field = 'url'): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput(field, 'must be the absolute http(s) base URL of an HSDS API, e.g. https://directory.example.org/hsds');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badInput(field, 'must be an http or https URL');
  if (url.username || url.password) throw badInput(field, 'must not carry credentials (give a token instead)');
  if (url.search || url.hash) throw badInput(field, 'must be a base URL, without a query or fragment');
  if (text.length > 1900) throw badInput(field, 'must be at most 1900 characters');
  return url.toString().replace(/\/+$/, '');
}

/** The options, checked (BAD_USER_INPUT naming the argument): the base URL as it is recorded, and the organization. */
export function checkPullOptions(options: PullOptions): { base: string; organizationId?: string } {
  const base = sourceUrl(options.url);
  if (options.token !== undefined && (options.token.trim() === '' || /\s/.test(options.token)))
    throw badInput('token', 'must be a bearer token: not empty, without spaces');
  if (options.organizationId !== undefined && !isUuid(options.organizationId)) throw badInput('organization', 'must be a UUID');
  return { base, organizationId: options.organizationId?.toLowerCase() };
}

class Source {
  requests = 0;
  constructor(
    private readonly base: string,
    private readonly options: PullOptions,
  ) {}

  async get(path: string, query: Record<string, string> = {}): Promise<unknown> {
    const url = new URL(`${this.base}${path}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const shown = `${url.pathname}${url.search}`;
    this.requests += 1;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json', ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}) },
        redirect: 'error',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
    } catch (error) {
      // fetch says "fetch failed"; why (ECONNREFUSED, a bad certificate, the timeout) is its cause.
      const { message, cause } = error as { message?: string; cause?: { code?: string; message?: string } };
      const reason = cause?.code ?? cause?.message ?? message ?? String(error);
      throw new PullError(`${this.base}: GET ${shown} failed: ${reason}`);
    }
    if (Number(response.headers.get('content-length') ?? 0) > MAX_BODY) {
      await response.body?.cancel();
      throw new PullError(`${this.base}: GET ${shown} answered more than ${MAX_BODY} bytes`);
    }
    const text = await response.text();
    if (!response.ok)
      throw new PullError(
        `${this.base}: GET ${shown} answered ${response.status}${response.status === 401 ? ' (is the token right?)' : ''}`,
      );
    if (text.length > MAX_BODY) throw new PullError(`${this.base}: GET ${shown} answered more than ${MAX_BODY} characters`);
    try {
      return JSON.parse(text);
    } catch {
      throw new PullError(`${this.base}: GET ${shown} did not answer JSON`);
    }
  }

  /** Every item of a paged list, page by page until the source says it was the last. */
  async *pages(path: string, query: Record<string, string>): AsyncIterable<unknown> {
    const perPage = String(this.options.perPage ?? DEFAULT_PER_PAGE);
    for (let page = 1; page <= MAX_PAGES; page++) {
      const body = (await this.get(path, { ...query, page: String(page), per_page: perPage })) as Record<string, unknown> | null;
      if (!body || !Array.isArray(body.contents))
        throw new PullError(`${this.base}: GET ${path} page ${page} is not an HSDS page (no contents list)`);
      yield* body.contents;
      const totalPages = typeof body.total_pages === 'number' ? body.total_pages : null;
      if (body.last_page === true || body.contents.length === 0 || (totalPages !== null && page >= totalPages)) return;
    }
    throw new PullError(`${this.base}: GET ${path} has more than ${MAX_PAGES} pages`);
  }
}

async function collect(
  rows: RowsByTable,
  items: AsyncIterable<unknown> | Iterable<unknown>,
  table: TableName,
  relations: Relation[],
  where: string,
) {
  let n = 0;
  for await (const item of items) {
    n += 1;
    try {
      flatten(rows, table, item, relations);
    } catch (error) {
      if (error instanceof ShapeError) throw new PullError(`${where}, item ${n}: ${error.table} field ${error.field} ${error.message}`);
      throw error;
    }
  }
}

/** A value as compared: the same value written two ways (12 and 12.0, an instant with or without milliseconds) is one value. */
function comparable(field: HsdsField, text: string | null, now: Date): string {
  if (text === null || text === '') return '';
  if (field.type === 'datetime') {
    const time = Date.parse(text);
    return Number.isNaN(time) ? text : new Date(time).toISOString();
  }
  if (field.type === 'time' && /^\d{2}:\d{2}$/.test(text)) return `${text}:00`;
  return String(jsonValue(field, text, now) ?? '');
}

interface Change {
  table: TableName;
  id: string;
  action: 'create' | 'update';
  fields: Array<{ field: string; previous: string; next: string }>;
}

/** The rows of `table` that differ from the stored ones, with their changed fields. */
async function changesOf(tx: EntityManager, table: TableName, incoming: Map<string, Cells>, now: Date): Promise<Change[]> {
  const fields = hsdsTable(table).fields;
  const stored = new Map<string, Record<string, string | null>>();
  const ids = [...incoming.keys()];
  for (let i = 0; i < ids.length; i += 10_000)
    for (const row of await storedRows(tx, table, ids.slice(i, i + 10_000))) stored.set((row.id as string).toLowerCase(), row);
  const changes: Change[] = [];
  for (const [id, cells] of incoming) {
    const before = stored.get(id);
    const changed = fields
      .filter((f) => !(table === 'service' && f.name === 'last_modified' && cells[f.name] === ''))
      .filter((f) => comparable(f, cells[f.name] ?? '', now) !== comparable(f, before?.[f.name] ?? null, now))
      .map((f) => ({ field: f.name, previous: before?.[f.name] ?? '', next: cells[f.name] ?? '' }));
    if (changed.length > 0) changes.push({ table, id, action: before ? 'update' : 'create', fields: changed });
  }
  return changes;
}

/** Pulls the source into the directory (see above); throws (nothing written) on a bad argument, a bad answer or a bad row. */
export async function pullDirectory(dataSource: DataSource, options: PullOptions): Promise<PullReport> {
  const { base, organizationId } = checkPullOptions(options);
  const now = options.now ?? new Date();
  const source = new Source(base, options);
  // A pull of one organization keeps a watermark of its own: it saw only that organization's services.
  const key = organizationId ? `${base}?organization_id=${organizationId}` : base;
  const known = await sourceWatermark(dataSource.manager, key);
  const modifiedAfter = options.full ? null : known;

  const root = (await source.get('/')) as Record<string, unknown> | null;
  if (typeof root?.version !== 'string' || !root.version.startsWith('3.'))
    throw new PullError(`${base}: is not an HSDS 3.0 API (its root does not answer version 3.x)`);

  const rows: RowsByTable = new Map();
  const filter: Record<string, string> = {
    full: 'true',
    ...(organizationId ? { organization_id: organizationId } : {}),
    ...(modifiedAfter ? { modified_after: modifiedAfter } : {}),
  };
  if (modifiedAfter === null) {
    if (organizationId) {
      const organization = await source.get(`/organizations/${organizationId}`);
      await collect(rows, [organization], 'organization', organizationFull(false), `${base}/organizations/${organizationId}`);
    } else {
      await collect(
        rows,
        source.pages('/organizations', { full: 'true' }),
        'organization',
        organizationFull(false),
        `${base}/organizations`,
      );
    }
    await collect(rows, source.pages('/taxonomies', {}), 'taxonomy', [], `${base}/taxonomies`);
    await collect(rows, source.pages('/taxonomy_terms', {}), 'taxonomy_term', TAXONOMY_TERM, `${base}/taxonomy_terms`);
  }
  await collect(rows, source.pages('/services', filter), 'service', SERVICE_FULL, `${base}/services`);

  // Every row as the data-package import checks it: each table's rows are numbered as they were met.
  const warnings: string[] = [];
  const tables = (select: (table: TableName, cells: Map<string, Cells>) => Cells[]): TableData[] =>
    IMPORT_ORDER.filter((name) => rows.has(name)).map((name) => ({
      table: hsdsTable(name),
      file: `${name} rows from ${base}`,
      rows: select(name, rows.get(name) as Map<string, Cells>).map((cells, i) => ({ row: i + 1, line: null, cells })),
    }));
  for (const data of tables((_, cells) => [...cells.values()])) {
    try {
      checkRows(data, warnings);
    } catch (error) {
      // The row's number says little about another directory: its id says which one to fix there.
      if (!(error instanceof PackageError) || error.row === null) throw error;
      const id = data.rows[error.row - 1]?.cells.id;
      if (!id) throw error;
      throw new PackageError(data.file, error.row, error.field, `${error.problem} (${data.table.name} ${id.slice(0, 40)})`);
    }
  }

  const services = [...(rows.get('service')?.values() ?? [])];
  const latest = services.map((s) => s.last_modified).filter((t) => t && !Number.isNaN(Date.parse(t)));
  const newest = latest.reduce((max, t) => Math.max(max, Date.parse(t)), Number.NEGATIVE_INFINITY);
  const watermark = latest.length ? new Date(newest).toISOString() : null;

  const written: Record<string, number> = {};
  let unchanged = 0;
  await dataSource.transaction(async (tx) => {
    await lockSource(tx, key);
    const changes: Change[] = [];
    for (const name of IMPORT_ORDER) {
      const incoming = rows.get(name);
      if (incoming) changes.push(...(await changesOf(tx, name, incoming, now)));
    }
    const changedIds = new Map<TableName, Set<string>>();
    for (const change of changes) {
      const ids = changedIds.get(change.table) ?? new Set<string>();
      changedIds.set(change.table, ids.add(change.id));
    }
    const toWrite = tables((name, cells) => [...cells.entries()].filter(([id]) => changedIds.get(name)?.has(id)).map(([, c]) => c));
    const counts = await writeTables(
      tx,
      toWrite.filter((d) => d.rows.length > 0),
      warnings,
      now,
    );
    Object.assign(written, counts);
    unchanged = [...rows.values()].reduce((n, m) => n + m.size, 0) - changes.length;
    const day = now.toISOString().slice(0, 10);
    await insertMetadata(
      tx,
      changes
        .filter((c) => (TRACKED as readonly string[]).includes(c.table))
        .flatMap((c) =>
          c.fields
            .filter((f) => c.action === 'update' || f.next !== '')
            .map((f) => [randomUUID(), c.id, c.table, day, c.action, f.field, f.previous, f.next, base]),
        ),
    );
    await saveSource(tx, key, watermark, now, changes.length);
  });
  return { source: base, modifiedAfter, requests: source.requests, written, unchanged, watermark: watermark ?? modifiedAfter, warnings };
}

export { PackageError };
