/**
 * The consumer's side of delivery: what it has applied, kept in its own
 * schema and written in the same transaction as the effect, so that an
 * event is applied exactly once however often the queue delivers it, and in
 * order per aggregate whatever order it arrives in.
 */
import type { DataSource } from 'typeorm';
import type { DomainEvent } from './catalog';
import type { EventConsumer } from './consumer';
import { advanceAggregatePosition, lockAggregatePosition, recordConsumed, wasConsumed } from './inbox.sql';

/**
 * The consumer's tables (its migration runs these, in order). Released
 * migrations run again only on fresh databases, so this text is frozen.
 *
 * - `consumed_aggregate`: per (source, aggregate), the last sequence applied
 *   (its row lock also makes two deliveries of one aggregate wait in turn);
 * - `consumed_event`: the id of every event applied (the types the consumer
 *   takes), when, and its type: the consumer's history.
 */
export function inboxTablesSql(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}".consumed_aggregate (
      source text NOT NULL CHECK (length(source) BETWEEN 1 AND 60),
      aggregate_type text NOT NULL CHECK (length(aggregate_type) BETWEEN 1 AND 60),
      aggregate_id uuid NOT NULL,
      last_sequence integer NOT NULL CHECK (last_sequence >= 0),
      PRIMARY KEY (source, aggregate_type, aggregate_id)
    )`,
    `CREATE TABLE "${schema}".consumed_event (
      event_id uuid PRIMARY KEY,
      source text NOT NULL,
      type text NOT NULL CHECK (length(type) BETWEEN 1 AND 60),
      consumed_at timestamptz NOT NULL DEFAULT now()
    )`,
  ];
}

/** Drops what `inboxTablesSql` made. */
export function dropInboxTablesSql(schema: string): string[] {
  return [`DROP TABLE "${schema}".consumed_event`, `DROP TABLE "${schema}".consumed_aggregate`];
}

/** An event came before an earlier one of its aggregate: the queue retries it later. */
export class EventOutOfOrderError extends Error {
  constructor(readonly waitingFor: number) {
    super(`waiting for ${waitingFor}`);
    this.name = 'EventOutOfOrderError';
  }
}

/**
 * - `applied`: handled now;
 * - `passed`: of a type the consumer does not take; only its aggregate's position moved;
 * - `duplicate`: applied (or passed) before, nothing done.
 */
export type ApplyOutcome = 'applied' | 'passed' | 'duplicate';

/**
 * Applies `event` to `consumer` in one transaction on the consumer's
 * database (`schema` holds its inbox tables): an event at or before its
 * aggregate's last applied sequence, or whose id was applied, is a
 * duplicate; one after the next expected throws EventOutOfOrderError
 * (nothing changes); otherwise `handle` runs (for the types the consumer
 * takes) and the event is recorded. A throwing `handle` leaves nothing behind.
 */
export async function applyEvent(
  dataSource: DataSource,
  schema: string,
  consumer: EventConsumer,
  event: DomainEvent,
): Promise<ApplyOutcome> {
  return dataSource.transaction(async (manager) => {
    const last = await lockAggregatePosition(manager, schema, event);
    if (event.sequence <= last || (await wasConsumed(manager, schema, event.id))) return 'duplicate';
    if (event.sequence > last + 1) throw new EventOutOfOrderError(last + 1);
    const takes = consumer.types.includes(event.type);
    if (takes) {
      await consumer.handle(event, manager);
      await recordConsumed(manager, schema, event);
    }
    await advanceAggregatePosition(manager, schema, event);
    return takes ? 'applied' : 'passed';
  });
}
