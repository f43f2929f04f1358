/**
 * The relay: moves a producer's outbox to the queue. Each batch is claimed
 * (`FOR UPDATE SKIP LOCKED`, in `position` order), published, and marked
 * published in the claim's transaction, so a crash before the commit leaves
 * the rows unpublished and they are sent again (at least once), and two
 * relays (two replicas) never hold the same row. Published rows stay: they
 * are the producer's history (docs/architecture.md, "Domain events").
 */
import { trace } from '@opentelemetry/api';
import type { DataSource } from 'typeorm';
import { errorFields, type Logger } from '@caseflow/core';
import type { DomainEvent } from './catalog';
import { anyUnpublished, claimUnpublished, markPublished, outboxExists } from './relay.sql';

/** Where the relay puts events (the queue's `publish`). */
export interface EventPublisher {
  publish(events: readonly DomainEvent[]): Promise<void>;
}

export interface RelayOptions {
  dataSource: DataSource;
  /** The producer's schema, holding `outbox_event`. */
  schema: string;
  /** The producing subgraph's name (`DomainEvent.source`). */
  source: string;
  publisher: EventPublisher;
  logger: Logger;
  batchSize?: number;
}

const MAX_FAILED_WAIT_MS = 30_000;
const tracer = trace.getTracer('caseflow-events');

/** True when `schema` has an outbox (the producer's migrations made it). */
export const hasOutbox = outboxExists;

/** Relays one batch; returns how many events it published. */
export async function relayBatch(options: RelayOptions): Promise<number> {
  const { dataSource, schema, source, publisher } = options;
  if (!(await anyUnpublished(dataSource, schema))) return 0;
  return dataSource.transaction(async (manager) => {
    const rows = await claimUnpublished(manager, schema, options.batchSize ?? 100);
    if (rows.length === 0) return 0;
    const events: DomainEvent[] = rows.map(({ position: _position, occurredAt, ...row }) => ({
      ...row,
      source,
      occurredAt: occurredAt.toISOString(),
    }));
    await tracer.startActiveSpan('relay events', { root: true, attributes: { 'caseflow.events.count': rows.length } }, async (span) => {
      try {
        await publisher.publish(events);
      } finally {
        span.end();
      }
    });
    await markPublished(
      manager,
      schema,
      rows.map((r) => r.position),
    );
    options.logger.debug('events relayed', { count: rows.length, ids: events.map((e) => e.id).join(',') });
    return rows.length;
  });
}

/** Relays every event unpublished now; returns how many. */
export async function relayAll(options: RelayOptions): Promise<number> {
  const batchSize = options.batchSize ?? 100;
  let total = 0;
  for (;;) {
    const relayed = await relayBatch({ ...options, batchSize });
    total += relayed;
    if (relayed < batchSize) return total;
  }
}

/**
 * Relays every `intervalMs` until stopped (the stopper waits for a pass in
 * progress). A failed pass is logged and retried, the wait doubling with
 * each failure in a row up to 30 s (a queue database that is down is not
 * polled, nor logged, four times a second).
 */
export function startRelay(options: RelayOptions & { intervalMs: number }): () => Promise<void> {
  let stopped = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const pass = async () => {
    try {
      await relayAll(options);
      failures = 0;
    } catch (error) {
      failures += 1;
      options.logger.error('event relay failed', { ...errorFields(error), failures });
    }
  };
  const schedule = () => {
    if (stopped) return;
    const wait = Math.min(options.intervalMs * 2 ** failures, Math.max(options.intervalMs, MAX_FAILED_WAIT_MS));
    timer = setTimeout(() => {
      current = pass().then(schedule);
    }, wait);
    timer.unref();
  };
  schedule();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await current;
  };
}
