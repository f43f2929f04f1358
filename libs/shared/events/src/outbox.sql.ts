/**
 * The producer's statements (outbox.ts): the once-key of a time-based event,
 * and the insert of an event with its aggregate's next sequence number.
 */
import type { EntityManager } from 'typeorm';
import type { EventType, NewDomainEvent } from './catalog';

/** Records `onceKey`; false when it was recorded before. */
export async function claimOnceKey(manager: EntityManager, schema: string, onceKey: string): Promise<boolean> {
  const fresh = (await manager.query(
    `INSERT INTO "${schema}".outbox_once (once_key) VALUES ($1) ON CONFLICT (once_key) DO NOTHING RETURNING once_key`,
    [onceKey],
  )) as unknown[];
  return fresh.length > 0;
}

/** Inserts `event` with the next sequence of its aggregate (the upsert's row lock numbers racing transactions in turn). */
export async function insertOutboxEvent(manager: EntityManager, schema: string, event: NewDomainEvent<EventType>): Promise<void> {
  await manager.query(
    `WITH next AS (
       INSERT INTO "${schema}".outbox_aggregate AS a (aggregate_type, aggregate_id, last_sequence) VALUES ($2, $3, 1)
       ON CONFLICT (aggregate_type, aggregate_id) DO UPDATE SET last_sequence = a.last_sequence + 1
       RETURNING last_sequence
     )
     INSERT INTO "${schema}".outbox_event (type, aggregate_type, aggregate_id, sequence, organization_id, payload)
     SELECT $1, $2, $3, next.last_sequence, $4, $5 FROM next`,
    [event.type, event.aggregateType, event.aggregateId, event.organizationId, JSON.stringify(event.payload)],
  );
}
