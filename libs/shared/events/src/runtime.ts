/**
 * A subgraph's part in the domain events, started with it: the relay of its
 * outbox (when its migrations made one) and the runner of its consumer
 * (when it declares one), over one connection to the queue.
 */
import type { DataSource } from 'typeorm';
import type { Logger } from '@caseflow/core';
import type { EventConsumer } from './consumer';
import { openEventQueue, type EventQueue, type QueueDepth, type RetryPolicy } from './queue';
import { hasOutbox, startRelay } from './relay';
import { startConsumer } from './runner';

export interface SubgraphEventsOptions {
  /** The subgraph's name: the `source` of its events, and the name its consumer must have. */
  source: string;
  schema: string;
  dataSource: DataSource;
  /** `EVENTS_DATABASE_URL`. */
  url: string;
  logger: Logger;
  consumer?: EventConsumer;
  /** Install or upgrade the queue's tables and the consumer's queue at start (development). */
  migrate?: boolean;
  /** How often the relay looks at the outbox (ms). */
  relayIntervalMs?: number;
  pollingIntervalSeconds?: number;
  retry?: RetryPolicy;
}

export interface SubgraphEvents {
  /** Whether this subgraph relays an outbox. */
  relaying: boolean;
  queue: EventQueue;
  /** For the metrics: waiting events and the oldest's age per queue. */
  depths(): Promise<QueueDepth[]>;
  stop(): Promise<void>;
}

export const DEFAULT_RELAY_INTERVAL_MS = 250;

export async function startSubgraphEvents(options: SubgraphEventsOptions): Promise<SubgraphEvents> {
  const { consumer, logger } = options;
  if (consumer && consumer.name !== options.source) {
    throw new Error(
      `the event consumer of ${options.source} must be named ${options.source} (its queue is made at migration), not ${consumer.name}`,
    );
  }
  const queue = await openEventQueue({
    url: options.url,
    logger,
    migrate: options.migrate,
    applicationName: `caseflow-${options.source}-events`,
    pollingIntervalSeconds: options.pollingIntervalSeconds,
    retry: options.retry,
  });
  try {
    const relaying = await hasOutbox(options.dataSource, options.schema);
    const stopRelay = relaying
      ? startRelay({
          dataSource: options.dataSource,
          schema: options.schema,
          source: options.source,
          publisher: queue,
          logger,
          intervalMs: options.relayIntervalMs ?? DEFAULT_RELAY_INTERVAL_MS,
        })
      : async () => undefined;
    if (consumer) await startConsumer({ queue, consumer, dataSource: options.dataSource, schema: options.schema, logger });
    return {
      relaying,
      queue,
      depths: () => queue.depths(),
      stop: async () => {
        await stopRelay();
        await queue.stop();
      },
    };
  } catch (error) {
    await queue.stop();
    throw error;
  }
}
