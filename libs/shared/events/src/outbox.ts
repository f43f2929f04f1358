/**
 * The transactional outbox: a producer writes its events into its own
 * schema's `outbox_event` table with the same transaction (the same
 * EntityManager) as the change they describe, so an event exists exactly
 * when its change does. The relay (see relay.ts) hands them to the queue.
 */
import type { EntityManager } from 'typeorm';
import type { EventType, NewDomainEvent } from './catalog';
import { claimOnceKey, insertOutboxEvent } from './outbox.sql';

/**
 * The producer's tables (its migration runs these, in order). Released
 * migrations run again only on fresh databases, so this text is frozen.
 *
 * - `outbox_aggregate`: the last sequence number given per aggregate (the
 *   upsert's row lock numbers two racing transactions one after the other);
 * - `outbox_event`: the events, `published_at` set once the queue has them;
 * - `outbox_once`: the keys of time-based events already recorded.
 */
export function outboxTablesSql(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}".outbox_aggregate (
      aggregate_type text NOT NULL CHECK (length(aggregate_type) BETWEEN 1 AND 60),
      aggregate_id uuid NOT NULL,
      last_sequence integer NOT NULL CHECK (last_sequence > 0),
      PRIMARY KEY (aggregate_type, aggregate_id)
    )`,
    `CREATE TABLE "${schema}".outbox_event (
      position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
      type text NOT NULL CHECK (length(type) BETWEEN 1 AND 60),
      aggregate_type text NOT NULL,
      aggregate_id uuid NOT NULL,
      sequence integer NOT NULL CHECK (sequence > 0),
      organization_id uuid NOT NULL,
      payload jsonb NOT NULL,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz,
      UNIQUE (aggregate_type, aggregate_id, sequence)
    )`,
    `CREATE INDEX outbox_event_unpublished ON "${schema}".outbox_event (position) WHERE published_at IS NULL`,
    `CREATE TABLE "${schema}".outbox_once (
      once_key text PRIMARY KEY CHECK (length(once_key) BETWEEN 1 AND 300),
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`,
  ];
}

/** Drops what `outboxTablesSql` made. */
export function dropOutboxTablesSql(schema: string): string[] {
  return [`DROP TABLE "${schema}".outbox_once`, `DROP TABLE "${schema}".outbox_event`, `DROP TABLE "${schema}".outbox_aggregate`];
}

/**
 * Records `events` in `schema`'s outbox within `manager`'s transaction (call
 * it inside the transaction of the change). Each gets the next sequence
 * number of its aggregate. An event whose `onceKey` was recorded before is
 * left out; returns how many were recorded.
 */
export async function recordEvents(manager: EntityManager, schema: string, events: readonly NewDomainEvent<EventType>[]): Promise<number> {
  let recorded = 0;
  for (const event of events) {
    if (event.onceKey !== undefined && !(await claimOnceKey(manager, schema, event.onceKey))) continue;
    await insertOutboxEvent(manager, schema, event);
    recorded += 1;
  }
  return recorded;
}
