/**
 * The relay's statements (relay.ts) on a producer's outbox: the claim of a
 * batch of unpublished events, in `position` order, that no other relay holds.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { DomainEvent, EventType } from './catalog';

export interface OutboxRow {
  position: string;
  id: string;
  type: EventType;
  aggregateType: string;
  aggregateId: string;
  sequence: number;
  organizationId: string;
  payload: DomainEvent['payload'];
  occurredAt: Date;
}

/** True when `schema` has an outbox (the producer's migrations made it). */
export async function outboxExists(dataSource: DataSource, schema: string): Promise<boolean> {
  const [{ table }] = (await dataSource.query('SELECT to_regclass($1) AS table', [`"${schema}".outbox_event`])) as Array<{
    table: string | null;
  }>;
  return table !== null;
}

/** Whether anything waits to be relayed: one statement on the partial index, outside any transaction, so that an idle relay costs the database one cheap read a pass. */
export async function anyUnpublished(dataSource: DataSource, schema: string): Promise<boolean> {
  const rows = (await dataSource.query(`SELECT 1 FROM "${schema}".outbox_event WHERE published_at IS NULL LIMIT 1`)) as unknown[];
  return rows.length > 0;
}

/** Locks up to `limit` unpublished events for the transaction, skipping those another relay holds. */
export async function claimUnpublished(manager: EntityManager, schema: string, limit: number): Promise<OutboxRow[]> {
  return (await manager.query(
    `SELECT position, id, type, aggregate_type AS "aggregateType", aggregate_id AS "aggregateId", sequence,
            organization_id AS "organizationId", payload, occurred_at AS "occurredAt"
       FROM "${schema}".outbox_event WHERE published_at IS NULL
      ORDER BY position LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  )) as OutboxRow[];
}

export async function markPublished(manager: EntityManager, schema: string, positions: string[]): Promise<void> {
  await manager.query(`UPDATE "${schema}".outbox_event SET published_at = now() WHERE position = ANY($1::bigint[])`, [positions]);
}

/** The producer's backlog: unpublished events and the oldest's age (the relay's lag). */
export async function outboxBacklog(dataSource: DataSource, schema: string): Promise<{ waiting: number; oldestSeconds: number }> {
  const [row] = (await dataSource.query(
    `SELECT count(*)::int AS waiting, COALESCE(extract(epoch FROM now() - min(occurred_at)), 0)::float8 AS "oldestSeconds"
       FROM "${schema}".outbox_event WHERE published_at IS NULL`,
  )) as Array<{ waiting: number; oldestSeconds: number }>;
  return row;
}
