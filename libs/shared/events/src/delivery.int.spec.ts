import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { createLogger } from '@caseflow/core';
import { createDatabase } from '@caseflow/db';
import { createTestDatabase, testSubgraphRoles } from '@caseflow/testing';
import type { DomainEvent, EventType, NewDomainEvent } from './catalog';
import type { EventConsumer } from './consumer';
import { applyEvent, inboxTablesSql } from './inbox';
import { outboxTablesSql, recordEvents } from './outbox';
import { consumerQueueName, migrateEventQueue, openEventQueue, type EventQueue } from './queue';
import { relayAll } from './relay';
import { startConsumer } from './runner';

/**
 * A producer schema with an outbox and a consumer schema with its inbox and
 * an `effect` table, on one real database; the queue in its own schema as
 * its own role. The test consumer writes one effect row per event it takes
 * and can be told to fail an event a number of times first.
 */
const logger = createLogger('events-test', (process.env.EVENTS_TEST_LOG as 'debug') ?? 'silent');
const PRODUCER = 'producer';
const CONSUMER = 'consumer';
let url: string;
let eventsUrl: string;
let producer: DataSource;
let producerReplica: DataSource;
let consumerDb: DataSource;
let queue: EventQueue;
const failures = new Map<string, number>();

const consumer: EventConsumer = {
  name: CONSUMER,
  types: ['referral.sent', 'referral.answered', 'client.assigned'],
  async handle(event, manager) {
    const left = failures.get(event.id) ?? 0;
    if (left > 0) {
      failures.set(event.id, left - 1);
      throw new Error('handler failed on purpose');
    }
    await manager.query(`INSERT INTO "${CONSUMER}".effect (event_id, aggregate_id, sequence) VALUES ($1, $2, $3)`, [
      event.id,
      event.aggregateId,
      event.sequence,
    ]);
  },
};

function event(aggregateId: string, type: EventType = 'client.assigned', onceKey?: string): NewDomainEvent {
  const organizationId = '00000000-0000-4000-8000-000000000001';
  return {
    type,
    aggregateType: 'Client',
    aggregateId,
    organizationId,
    onceKey,
    payload: { clientId: aggregateId, organizationId, caseManagerId: randomUUID(), previousCaseManagerId: null, byStaffId: randomUUID() },
  } as NewDomainEvent;
}

const record = (events: NewDomainEvent[], manager?: EntityManager) =>
  manager ? recordEvents(manager, PRODUCER, events) : producer.transaction((m) => recordEvents(m, PRODUCER, events));
const relay = (dataSource = producer) => relayAll({ dataSource, schema: PRODUCER, source: 'producer', publisher: queue, logger });
const effects = async (aggregateId: string) =>
  (
    (await consumerDb.query(`SELECT sequence FROM "${CONSUMER}".effect WHERE aggregate_id = $1 ORDER BY applied`, [aggregateId])) as Array<{
      sequence: number;
    }>
  ).map((r) => r.sequence);

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  url = await createTestDatabase('events');
  // The queue's own role owns its schema, as a broker's credentials would.
  eventsUrl = (await testSubgraphRoles(url, 'events')).ownerUrl;
  const open = async (schema: string) => {
    const { dataSource } = createDatabase({ url, schema, entities: [], migrations: [], poolMax: 4 });
    await dataSource.initialize();
    return dataSource;
  };
  producer = await open(PRODUCER);
  producerReplica = await open(PRODUCER);
  consumerDb = await open(CONSUMER);
  await producer.query(`CREATE SCHEMA "${PRODUCER}"`);
  for (const sql of outboxTablesSql(PRODUCER)) await producer.query(sql);
  await consumerDb.query(`CREATE SCHEMA "${CONSUMER}"`);
  for (const sql of inboxTablesSql(CONSUMER)) await consumerDb.query(sql);
  await consumerDb.query(
    `CREATE TABLE "${CONSUMER}".effect (event_id uuid NOT NULL, aggregate_id uuid NOT NULL, sequence int NOT NULL, applied bigint GENERATED ALWAYS AS IDENTITY)`,
  );
  await migrateEventQueue(eventsUrl, [CONSUMER], logger);
  queue = await openEventQueue({
    url: eventsUrl,
    logger,
    pollingIntervalSeconds: 0.5,
    retry: { limit: 10, delaySeconds: 1, maxDelaySeconds: 2 },
  });
  await startConsumer({ queue, consumer, dataSource: consumerDb, schema: CONSUMER, logger });
});

afterAll(async () => {
  await queue?.stop();
  await Promise.all([producer, producerReplica, consumerDb].filter(Boolean).map((d) => d.destroy()));
});

describe('domain event delivery', () => {
  it('installs the queue as its own non-superuser role and makes the consumer queue at migration', async () => {
    const depths = await queue.depths();
    expect(depths.map((d) => d.queue)).toEqual([consumerQueueName(CONSUMER), `${consumerQueueName(CONSUMER)}.dead`]);
  });

  it('delivers an event recorded with its change, and never one whose transaction rolled back', async () => {
    const kept = randomUUID();
    const rolledBack = randomUUID();
    await expect(
      producer.transaction(async (manager) => {
        await record([event(rolledBack)], manager);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await record([event(kept)]);
    expect(await relay()).toBe(1);
    expect(
      await until(
        () => effects(kept),
        (s) => s.length === 1,
      ),
    ).toEqual([1]);
    expect(await effects(rolledBack)).toEqual([]);
    const [{ unpublished }] = await producer.query(
      `SELECT count(*)::int AS unpublished FROM "${PRODUCER}".outbox_event WHERE published_at IS NULL`,
    );
    expect(unpublished).toBe(0);
  });

  it('applies an aggregate’s events in order when a later one is published first and one fails once', async () => {
    const client = randomUUID();
    await record([event(client), event(client), event(client)]);
    const rows = (await producer.query(`SELECT id FROM "${PRODUCER}".outbox_event WHERE aggregate_id = $1 ORDER BY sequence`, [
      client,
    ])) as Array<{
      id: string;
    }>;
    failures.set(rows[1].id, 1);
    // The relay hands the queue the batch back to front, one insert each: the third arrives first.
    const reversing = {
      publish: async (events: readonly DomainEvent[]) => {
        for (const e of [...events].reverse()) await queue.publish([e]);
      },
    };
    await relayAll({ dataSource: producer, schema: PRODUCER, source: 'producer', publisher: reversing, logger });
    expect(
      await until(
        () => effects(client),
        (s) => s.length === 3,
      ),
    ).toEqual([1, 2, 3]);
    expect(failures.get(rows[1].id)).toBe(0);
  });

  it('applies a duplicate delivery once, and moves past events of types the consumer does not take', async () => {
    const client = randomUUID();
    await record([event(client), event(client, 'plan.revised'), event(client)]);
    await relay();
    expect(
      await until(
        () => effects(client),
        (s) => s.length === 2,
      ),
    ).toEqual([1, 3]);
    // A relay that crashed after publishing but before its commit sends them all again.
    await producer.query(`UPDATE "${PRODUCER}".outbox_event SET published_at = NULL WHERE aggregate_id = $1`, [client]);
    expect(await relay()).toBe(3);
    const rows = (await producer.query(
      `SELECT id, type, aggregate_type AS "aggregateType", aggregate_id AS "aggregateId", sequence, organization_id AS "organizationId", payload, occurred_at AS "occurredAt"
         FROM "${PRODUCER}".outbox_event WHERE aggregate_id = $1 ORDER BY sequence`,
      [client],
    )) as DomainEvent[];
    const again = { ...rows[0], source: 'producer' };
    expect(await applyEvent(consumerDb, CONSUMER, consumer, again)).toBe('duplicate');
    expect(await applyEvent(consumerDb, CONSUMER, consumer, { ...again, id: randomUUID() })).toBe('duplicate');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await effects(client)).toEqual([1, 3]);
  });

  it('records a time-based event once per key', async () => {
    const client = randomUUID();
    const key = `client.assigned:${client}:${new Date().toISOString().slice(0, 10)}`;
    expect(await record([event(client, 'client.assigned', key)])).toBe(1);
    expect(await record([event(client, 'client.assigned', key)])).toBe(0);
    await relay();
    expect(
      await until(
        () => effects(client),
        (s) => s.length === 1,
      ),
    ).toEqual([1]);
  });

  it('delivers each event once to the consumer’s effect when two relays run at once', async () => {
    const clients = Array.from({ length: 5 }, () => randomUUID());
    for (let round = 0; round < 8; round += 1) await record(clients.map((c) => event(c)));
    const [a, b] = await Promise.all([relay(producer), relay(producerReplica)]);
    expect(a + b).toBe(40);
    for (const client of clients)
      expect(
        await until(
          () => effects(client),
          (s) => s.length === 8,
        ),
      ).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('retries a failing handler with backoff until it applies', async () => {
    const client = randomUUID();
    await record([event(client)]);
    const [{ id }] = (await producer.query(`SELECT id FROM "${PRODUCER}".outbox_event WHERE aggregate_id = $1`, [client])) as Array<{
      id: string;
    }>;
    failures.set(id, 2);
    const started = Date.now();
    await relay();
    expect(
      await until(
        () => effects(client),
        (s) => s.length === 1,
      ),
    ).toEqual([1]);
    expect(failures.get(id)).toBe(0);
    // Two retries: at least the first delay (1 s) and the second (1 s more) passed.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  });
});
