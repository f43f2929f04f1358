/**
 * The relay: moves a producer's outbox to the queue. Each batch is claimed
 * (`FOR UPDATE SKIP LOCKED`, in `position` order), published, and marked
 * published in the claim's transaction, so a crash before the commit leaves
 * the rows unpublished and they are sent again (at least once), and two
 * relays (two replicas) never hold the same row. Published rows stay: they
 * are the producer's history (docs/architecture.md, "Domain events").
 */
import type { DataSource } from 'typeorm';
import { errorFields, type Logger } from '@caseflow/core';
import type { DomainEvent } from './catalog';
import { claimUnpublished, markPublished, outboxExists } from './relay.sql';

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

/** True when `schema` has an outbox (the producer's migrations made it). */
export const hasOutbox = outboxExists;

/** Relays one batch; returns how many events it published. */
export async function relayBatch(options: RelayOptions): Promise<number> {
  const { dataSource, schema, source, publisher } = options;
  return dataSource.transaction(async (manager) => {
    const rows = await claimUnpublished(manager, schema, options.batchSize ?? 100);
    if (rows.length === 0) return 0;
    const events: DomainEvent[] = rows.map(({ position: _position, occurredAt, ...row }) => ({
      ...row,
      source,
      occurredAt: occurredAt.toISOString(),
    }));
    await publisher.publish(events);
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
 * progress). A failed pass is logged and the next one tries again.
 */
export function startRelay(options: RelayOptions & { intervalMs: number }): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const pass = async () => {
    try {
      await relayAll(options);
    } catch (error) {
      options.logger.error('event relay failed', errorFields(error));
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = pass().then(schedule);
    }, options.intervalMs);
    timer.unref();
  };
  schedule();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await current;
  };
}
