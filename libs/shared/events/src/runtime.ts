/**
 * A subgraph's part in the domain events, started with it: the relay of its
 * outbox (when its migrations made one) and the runner of its consumer (when
 * it declares one). Both work in a DataSource the subgraph opens for them
 * alone (a small pool with its entities), so that events never queue behind
 * requests nor count as their statements; one pool to the queue serves both.
 */
import type { DataSource } from 'typeorm';
import type { Logger } from '@caseflow/core';
import type { EventConsumer } from './consumer';
import { consumerQueueName, deadLetterQueueName, openEventQueue, type EventQueue, type QueueDepth, type RetryPolicy } from './queue';
import { hasOutbox, relayAll, startRelay } from './relay';
import { outboxBacklog } from './relay.sql';
import { startConsumer } from './runner';

export interface SubgraphEventsOptions {
  /** The subgraph's name: the `source` of its events, and the name its consumer must have. */
  source: string;
  schema: string;
  /** The subgraph's database, opened for its events (as its runtime role, with its entities). */
  dataSource: DataSource;
  /** `EVENTS_DATABASE_URL`. */
  url: string;
  logger: Logger;
  consumer?: EventConsumer;
  /** How often the relay looks at the outbox (ms). */
  relayIntervalMs?: number;
  pollingIntervalSeconds?: number;
  retry?: RetryPolicy;
}

export interface SubgraphEvents {
  /** Whether this subgraph relays an outbox. */
  relaying: boolean;
  /** Relays every unpublished event now (tests, rather than waiting for the relay's next pass); returns how many. */
  relayNow(): Promise<number>;
  queue: EventQueue;
  /** For the metrics: waiting events and the oldest's age in the outbox (`outbox.<source>`, the relay's lag) and the consumer's queues. */
  depths(): Promise<QueueDepth[]>;
  stop(): Promise<void>;
}

export const DEFAULT_RELAY_INTERVAL_MS = 250;

/** Starts the relay and the consumer of a subgraph; the queue must be installed (the migration step). */
export async function startSubgraphEvents(options: SubgraphEventsOptions): Promise<SubgraphEvents> {
  const { consumer, logger, source, schema } = options;
  if (consumer && consumer.name !== source) {
    throw new Error(`the event consumer of ${source} must be named ${source} (its queue is made at migration), not ${consumer.name}`);
  }
  const relaying = await hasOutbox(options.dataSource, schema);
  const queue = await openEventQueue({
    url: options.url,
    logger,
    applicationName: `caseflow-${source}-events`,
    pollingIntervalSeconds: options.pollingIntervalSeconds,
    retry: options.retry,
  });
  let stopRelay = async () => undefined as void;
  const stop = async () => {
    await stopRelay();
    await queue.stop();
  };
  try {
    const relayOptions = relaying ? { dataSource: options.dataSource, schema, source, publisher: queue, logger } : undefined;
    if (relayOptions) stopRelay = startRelay({ ...relayOptions, intervalMs: options.relayIntervalMs ?? DEFAULT_RELAY_INTERVAL_MS });
    if (consumer) await startConsumer({ queue, consumer, dataSource: options.dataSource, schema, logger });
    const own = [consumerQueueName(source), deadLetterQueueName(source)];
    return {
      relaying,
      relayNow: async () => (relayOptions ? relayAll(relayOptions) : 0),
      queue,
      depths: async () => {
        const queues = consumer ? (await queue.depths()).filter((d) => own.includes(d.queue)) : [];
        if (!relaying) return queues;
        return [{ queue: `outbox.${source}`, ...(await outboxBacklog(options.dataSource, schema)) }, ...queues];
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
