/**
 * The consumer's bookkeeping statements (inbox.ts): its position per
 * aggregate, locked for the transaction, and the events it applied.
 */
import type { EntityManager } from 'typeorm';
import type { DomainEvent } from './catalog';

const keyOf = (event: DomainEvent) => [event.source, event.aggregateType, event.aggregateId];

/** The last sequence applied of `event`'s aggregate (0 for a new one), its row locked until the transaction ends. */
export async function lockAggregatePosition(manager: EntityManager, schema: string, event: DomainEvent): Promise<number> {
  await manager.query(
    `INSERT INTO "${schema}".consumed_aggregate (source, aggregate_type, aggregate_id, last_sequence) VALUES ($1, $2, $3, 0)
     ON CONFLICT DO NOTHING`,
    keyOf(event),
  );
  const [{ last }] = (await manager.query(
    `SELECT last_sequence AS last FROM "${schema}".consumed_aggregate
      WHERE source = $1 AND aggregate_type = $2 AND aggregate_id = $3 FOR UPDATE`,
    keyOf(event),
  )) as Array<{ last: number }>;
  return last;
}

export async function wasConsumed(manager: EntityManager, schema: string, eventId: string): Promise<boolean> {
  const rows = (await manager.query(`SELECT 1 FROM "${schema}".consumed_event WHERE event_id = $1`, [eventId])) as unknown[];
  return rows.length > 0;
}

export async function recordConsumed(manager: EntityManager, schema: string, event: DomainEvent): Promise<void> {
  await manager.query(`INSERT INTO "${schema}".consumed_event (event_id, source, type) VALUES ($1, $2, $3)`, [
    event.id,
    event.source,
    event.type,
  ]);
}

/** Moves the aggregate's position to `event` (whose row `lockAggregatePosition` locked). */
export async function advanceAggregatePosition(manager: EntityManager, schema: string, event: DomainEvent): Promise<void> {
  await manager.query(
    `UPDATE "${schema}".consumed_aggregate SET last_sequence = $4 WHERE source = $1 AND aggregate_type = $2 AND aggregate_id = $3`,
    [...keyOf(event), event.sequence],
  );
}
