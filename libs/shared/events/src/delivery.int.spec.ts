import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { createLogger } from '@caseflow/core';
import { createDatabase } from '@caseflow/db';
import { createTestDatabase, testSubgraphRoles, until } from '@caseflow/testing';
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

/** A second consumer whose handler always fails for the aggregates it is told of, with one retry only. */
const poisoned = new Set<string>();
const poison: EventConsumer = {
  name: 'poison',
  types: ['client.assigned'],
  async handle(event) {
    if (poisoned.has(event.aggregateId)) throw new Error('cannot apply this one');
  },
};
let poisonQueue: EventQueue;

const record = (events: NewDomainEvent[], manager?: EntityManager) =>
  manager ? recordEvents(manager, PRODUCER, events) : producer.transaction((m) => recordEvents(m, PRODUCER, events));
const relay = (dataSource = producer) => relayAll({ dataSource, schema: PRODUCER, source: 'producer', publisher: queue, logger });
const effects = async (aggregateId: string) =>
  (
    (await consumerDb.query(`SELECT sequence FROM "${CONSUMER}".effect WHERE aggregate_id = $1 ORDER BY applied`, [aggregateId])) as Array<{
      sequence: number;
    }>
  ).map((r) => r.sequence);

/** The consumer's effects of `aggregateId` once there are `count` of them (or the wait is over). */
const effectsOnce = (aggregateId: string, count: number) =>
  until(
    () => effects(aggregateId),
    (s) => s.length === count,
  );

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
  await consumerDb.query('CREATE SCHEMA poison');
  for (const sql of inboxTablesSql('poison')) await consumerDb.query(sql);
  await consumerDb.query(
    `CREATE TABLE "${CONSUMER}".effect (event_id uuid NOT NULL, aggregate_id uuid NOT NULL, sequence int NOT NULL, applied bigint GENERATED ALWAYS AS IDENTITY)`,
  );
  await migrateEventQueue(eventsUrl, [CONSUMER], logger);
  queue = await openEventQueue({
    url: eventsUrl,
    logger,
    pollingIntervalSeconds: 0.5,
    // Enough retries that resequencing two relays' interleaved events never spends them, however slow the machine.
    retry: { limit: 30, delaySeconds: 1, maxDelaySeconds: 2 },
  });
  await startConsumer({ queue, consumer, dataSource: consumerDb, schema: CONSUMER, logger });
  poisonQueue = await openEventQueue({
    url: eventsUrl,
    logger,
    pollingIntervalSeconds: 0.5,
    retry: { limit: 1, delaySeconds: 1, maxDelaySeconds: 1 },
  });
  await startConsumer({ queue: poisonQueue, consumer: poison, dataSource: consumerDb, schema: 'poison', logger });
});

afterAll(async () => {
  await queue?.stop();
  await poisonQueue?.stop();
  await Promise.all([producer, producerReplica, consumerDb].filter(Boolean).map((d) => d.destroy()));
});

describe('domain event delivery', () => {
  it('installs the queue as its own non-superuser role and makes the consumer queue at migration', async () => {
    const depths = await queue.depths();
    expect(depths.map((d) => d.queue)).toEqual(
      expect.arrayContaining([consumerQueueName(CONSUMER), `${consumerQueueName(CONSUMER)}.dead`, 'events.poison', 'events.poison.dead']),
    );
  });

  it('refuses to open a queue that was never installed, saying what to run', async () => {
    const fresh = (await testSubgraphRoles(await createTestDatabase('events_fresh'), 'events')).ownerUrl;
    await expect(openEventQueue({ url: fresh, logger })).rejects.toThrow(
      'the events queue (EVENTS_DATABASE_URL) is not installed or not up to date: run `npm run migrate` (pg-boss is not installed)',
    );
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
    expect(await effectsOnce(kept, 1)).toEqual([1]);
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
    expect(await effectsOnce(client, 3)).toEqual([1, 2, 3]);
    expect(failures.get(rows[1].id)).toBe(0);
  });

  it('applies a duplicate delivery once, and moves past events of types the consumer does not take', async () => {
    const client = randomUUID();
    await record([event(client), event(client, 'plan.revised'), event(client)]);
    await relay();
    expect(await effectsOnce(client, 2)).toEqual([1, 3]);
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
    expect(await effectsOnce(client, 1)).toEqual([1]);
  });

  it('delivers each event once to the consumer’s effect when two relays run at once', async () => {
    const clients = Array.from({ length: 5 }, () => randomUUID());
    for (let round = 0; round < 8; round += 1) await record(clients.map((c) => event(c)));
    const [a, b] = await Promise.all([relay(producer), relay(producerReplica)]);
    expect(a + b).toBe(40);
    // Two relays interleave an aggregate's events in the queue; the consumer puts them back in order by retrying the early
    // ones (1–2 s each), which on a loaded machine can take longer than one wait: all five are waited for together.
    const applied = await until(
      () => Promise.all(clients.map((client) => effects(client))),
      (lists) => lists.every((list) => list.length >= 8),
      75_000,
    );
    expect(applied).toEqual(clients.map(() => [1, 2, 3, 4, 5, 6, 7, 8]));
  }, 120_000);

  it('retries a failing handler with backoff until it applies', async () => {
    const client = randomUUID();
    await record([event(client)]);
    const [{ id }] = (await producer.query(`SELECT id FROM "${PRODUCER}".outbox_event WHERE aggregate_id = $1`, [client])) as Array<{
      id: string;
    }>;
    failures.set(id, 2);
    const started = Date.now();
    await relay();
    expect(await effectsOnce(client, 1)).toEqual([1]);
    expect(failures.get(id)).toBe(0);
    // Two retries: at least the first delay (1 s) and the second (1 s more) passed.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  });

  it('moves an event whose retries are spent to the dead-letter queue, where the metrics see it, without holding up the other consumer', async () => {
    const client = randomUUID();
    poisoned.add(client);
    await record([event(client)]);
    await relay();
    expect(await effectsOnce(client, 1)).toEqual([1]);
    const jobsOf = async (queueName: string) =>
      (await producer.query(
        `SELECT state::text, retry_count AS "retryCount" FROM events.job WHERE name = $1 AND data->>'aggregateId' = $2`,
        [queueName, client],
      )) as Array<{ state: string; retryCount: number }>;
    expect(
      await until(
        () => jobsOf('events.poison.dead'),
        (jobs) => jobs.length === 1,
      ),
    ).toEqual([{ state: 'created', retryCount: 0 }]);
    // Tried twice (the first attempt and its one retry), then failed and handed to the dead-letter queue.
    expect(await jobsOf('events.poison')).toEqual([{ state: 'failed', retryCount: 1 }]);
    const dead = (await queue.depths()).find((d) => d.queue === 'events.poison.dead');
    expect(dead?.waiting).toBeGreaterThanOrEqual(1);
    const [{ position }] = await consumerDb.query(
      `SELECT last_sequence AS position FROM poison.consumed_aggregate WHERE aggregate_id = $1
       UNION ALL SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM poison.consumed_aggregate WHERE aggregate_id = $1)`,
      [client],
    );
    expect(position).toBe(0);
  });
});
