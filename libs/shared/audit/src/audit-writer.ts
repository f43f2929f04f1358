/**
 * Group commit of the reads' audit events. One writer per data source and
 * schema (a subgraph process has one): a request hands it the events it
 * buffered and waits; the writer appends, in ONE statement and so in one
 * commit, every request's events queued while its previous statement was in
 * flight, and answers each waiting request only when that statement has
 * returned — committed, so "audited before answered" holds — or rejects them
 * all when it failed, so that each fails closed as it would alone. The
 * statement is atomic: a failed batch leaves no row of any request behind.
 *
 * At low load a request's events go at once (no timer); under load, the
 * requests that finish during one commit share the next, so the number of
 * commits follows the database's commit latency, not the request rate. A
 * request's events are never split between batches; a batch takes whole
 * requests up to `maxRows` (a request with more goes alone).
 */
import { AsyncResource } from 'node:async_hooks';
import { type AuditEventRow, insertAuditEvents, type Queryable, UUID_COLUMNS } from './audit.sql';

export interface AuditWriterOptions {
  /** The most rows one statement carries (whole requests only, so a request with more goes alone). 1000 unless told. */
  maxRows?: number;
}

interface Waiting {
  rows: readonly AuditEventRow[];
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * A batch is no one request's work: it runs in the async context of this
 * module's loading (the process start), never in that of the request whose
 * events happened to open it, so nothing bound to that request (its abort
 * signal, which cancels its transactions) reaches the other requests' events.
 */
const outsideAnyRequest = new AsyncResource('caseflow.audit-writer');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True when the table takes the row. A row it would refuse (a malformed
 * uuid, a NUL character in text) is refused before it joins a batch, so that
 * it fails its own request only, never the others sharing the statement.
 */
function storable(row: AuditEventRow): boolean {
  if (UUID_COLUMNS.some((column) => row[column] !== null && !UUID.test(row[column] as string))) return false;
  if (row.outcome !== 'ALLOWED' && row.outcome !== 'DENIED') return false;
  return !Object.values(row).some((value) => typeof value === 'string' && value.includes('\u0000'));
}

export class AuditWriter {
  private readonly maxRows: number;
  private queue: Waiting[] = [];
  private writing = false;

  constructor(
    private readonly db: Queryable,
    readonly schema: string,
    options: AuditWriterOptions = {},
  ) {
    this.maxRows = options.maxRows ?? 1000;
  }

  /** Resolves once `rows` are committed to the audit table; rejects (nothing of theirs written) when they could not be. */
  append(rows: readonly AuditEventRow[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    if (!rows.every(storable)) return Promise.reject(new Error('an audit event the audit table would refuse (malformed identifier)'));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      if (this.writing) return;
      this.writing = true;
      // A microtask, not a timer: requests finishing in the same turn share the first statement, and nobody waits for a clock.
      outsideAnyRequest.runInAsyncScope(() => queueMicrotask(() => void this.drain()));
    });
  }

  /** Requests waiting for a statement that has not been sent yet. */
  get waiting(): number {
    return this.queue.length;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.take();
      try {
        await insertAuditEvents(
          this.db,
          this.schema,
          batch.flatMap((waiting) => waiting.rows),
        );
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
        continue;
      }
      for (const waiting of batch) waiting.resolve();
    }
    this.writing = false;
  }

  /** The next batch: whole requests, oldest first, up to `maxRows` rows (at least one request). */
  private take(): Waiting[] {
    let rows = this.queue[0].rows.length;
    let count = 1;
    while (count < this.queue.length && rows + this.queue[count].rows.length <= this.maxRows) {
      rows += this.queue[count].rows.length;
      count += 1;
    }
    return this.queue.splice(0, count);
  }
}
