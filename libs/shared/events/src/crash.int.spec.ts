import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createLogger } from '@caseflow/core';
import { createDatabase } from '@caseflow/db';
import { createTestDatabase, spawnService, testEventsRole, until } from '@caseflow/testing';
import type { EventConsumer } from './consumer';
import { inboxTablesSql } from './inbox';
import { outboxTablesSql, recordEvents } from './outbox';
import { migrateEventQueue, openEventQueue, type EventQueue } from './queue';
import { startConsumer } from './runner';
import { startSubgraphEvents } from './runtime';

/**
 * QUALITY "Events are never lost": a producer process killed by SIGKILL
 * right after the change commits, or after the queue took its events but
 * before the relay's commit, delivers them once the producer runs again,
 * and the consumer applies each once.
 */
const logger = createLogger('events-crash-test', 'silent');
const ORGANIZATION = '00000000-0000-4000-8000-000000000002';
let url: string;
let eventsUrl: string;
let producer: DataSource;
let consumerDb: DataSource;
let queue: EventQueue;

const consumer: EventConsumer = {
  name: 'crash_consumer',
  types: ['client.assigned'],
  async handle(event, manager) {
    await manager.query('INSERT INTO crash_consumer.effect (event_id, aggregate_id) VALUES ($1, $2)', [event.id, event.aggregateId]);
  },
};

const effects = async (aggregateId: string) =>
  ((await consumerDb.query('SELECT event_id FROM crash_consumer.effect WHERE aggregate_id = $1', [aggregateId])) as unknown[]).length;
const unpublished = async (aggregateId: string) =>
  (
    (await producer.query('SELECT id FROM crash_producer.outbox_event WHERE aggregate_id = $1 AND published_at IS NULL', [
      aggregateId,
    ])) as unknown[]
  ).length;

function crashProducer(crashAt: 'after-commit' | 'after-publish', aggregateId: string) {
  return spawnService('libs/shared/events/src/testing/crashing-producer.ts', {
    CRASH_AT: crashAt,
    PRODUCER_DATABASE_URL: url,
    PRODUCER_SCHEMA: 'crash_producer',
    PRODUCER_SOURCE: 'crash_producer',
    EVENTS_DATABASE_URL: eventsUrl,
    AGGREGATE_ID: aggregateId,
    ORGANIZATION_ID: ORGANIZATION,
  });
}

/** The producer running again: its relay, as a subgraph starts it. */
async function restartProducer() {
  return startSubgraphEvents({
    source: 'crash_producer',
    schema: 'crash_producer',
    dataSource: producer,
    url: eventsUrl,
    logger,
    relayIntervalMs: 50,
  });
}

beforeAll(async () => {
  url = await createTestDatabase('events_crash');
  eventsUrl = (await testEventsRole(url)).ownerUrl;
  const open = async (schema: string) => {
    const { dataSource } = createDatabase({ url, schema, entities: [], migrations: [], poolMax: 3 });
    await dataSource.initialize();
    return dataSource;
  };
  producer = await open('crash_producer');
  consumerDb = await open('crash_consumer');
  await producer.query('CREATE SCHEMA crash_producer');
  for (const sql of outboxTablesSql('crash_producer')) await producer.query(sql);
  await consumerDb.query('CREATE SCHEMA crash_consumer');
  for (const sql of inboxTablesSql('crash_consumer')) await consumerDb.query(sql);
  await consumerDb.query('CREATE TABLE crash_consumer.effect (event_id uuid NOT NULL, aggregate_id uuid NOT NULL)');
  await migrateEventQueue(eventsUrl, [consumer.name], logger);
  queue = await openEventQueue({ url: eventsUrl, logger, pollingIntervalSeconds: 0.5 });
  await startConsumer({ queue, consumer, dataSource: consumerDb, schema: 'crash_consumer', logger });
});

afterAll(async () => {
  await queue?.stop();
  await Promise.all([producer, consumerDb].filter(Boolean).map((d) => d.destroy()));
});

describe('a producer killed by SIGKILL', () => {
  it('between the change’s commit and the relay delivers the event after it restarts', async () => {
    const client = randomUUID();
    const killed = crashProducer('after-commit', client);
    await killed.exited;
    expect({ signal: killed.child.signalCode, output: killed.output() }).toEqual({ signal: 'SIGKILL', output: 'committed\n' });
    expect(await unpublished(client)).toBe(1);
    expect(await effects(client)).toBe(0);

    const restarted = await restartProducer();
    try {
      expect(
        await until(
          () => effects(client),
          (n) => n === 1,
        ),
      ).toBe(1);
      expect(await unpublished(client)).toBe(0);
    } finally {
      await restarted.stop();
    }
  });

  it('after the queue took the event but before the relay committed sends it again, and the consumer applies it once', async () => {
    const client = randomUUID();
    await producer.transaction((manager) =>
      recordEvents(manager, 'crash_producer', [
        {
          type: 'client.assigned',
          aggregateType: 'Client',
          aggregateId: client,
          organizationId: ORGANIZATION,
          payload: {
            clientId: client,
            organizationId: ORGANIZATION,
            caseManagerId: ORGANIZATION,
            previousCaseManagerId: null,
            byStaffId: ORGANIZATION,
          },
        },
      ]),
    );
    const killed = crashProducer('after-publish', client);
    await killed.exited;
    expect({ signal: killed.child.signalCode, output: killed.output() }).toEqual({ signal: 'SIGKILL', output: 'published\n' });
    // The relay's claim rolled back with the process: the event is still to send.
    expect(await unpublished(client)).toBe(1);

    const restarted = await restartProducer();
    try {
      expect(
        await until(
          () => unpublished(client),
          (n) => n === 0,
        ),
      ).toBe(0);
      expect(
        await until(
          () => effects(client),
          (n) => n === 1,
        ),
      ).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await effects(client)).toBe(1);
    } finally {
      await restarted.stop();
    }
  });
});
