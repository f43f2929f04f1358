/**
 * What a subgraph that reacts to events declares (SubgraphDefinition
 * `consumes`). The runtime (see runtime.ts) delivers each event at most once
 * to `handle`, in order per (source, aggregate), inside a transaction on the
 * consumer's own database that also records the event as applied: a
 * redelivered event is skipped, and a failed `handle` leaves nothing behind
 * and is retried with backoff.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { DomainEvent, EventType } from './catalog';

export interface EventConsumer {
  /** Names the consumer's queue (`events.<name>`); one per subgraph, e.g. `notifications`, `clients`. */
  name: string;
  /** The event types it takes; the queue subscribes to exactly these. */
  types: readonly EventType[];
  /** Applies one event within the consumer's transaction `manager`. Throw to have it retried. */
  handle(event: DomainEvent, manager: EntityManager): Promise<void>;
}

/** Builds the consumer of a running subgraph (it may need the subgraph's database and peers). */
export type EventConsumerFactory<O = unknown> = (dataSource: DataSource, options: O) => EventConsumer;
