import { randomUUID } from 'node:crypto';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createLogger } from '@caseflow/core';
import { type EventConsumer, inboxTablesSql, outboxTablesSql, recordEvents } from '@caseflow/events';
import { createServiceMetrics } from '@caseflow/telemetry';
import { createTestDatabase, startTestSubgraph, type TestSubgraph } from '@caseflow/testing';
import type { RequestContext } from './context';
import type { SubgraphDefinition } from './subgraph';

/**
 * Two small subgraphs on one database, started as every subgraph is
 * (createSubgraph through the test harness): `evtsource` has an outbox and
 * so relays it; `evtsink` declares a consumer (`consumes`), whose queue its
 * migration at boot makes. An event recorded in the source reaches the
 * sink's handler, which sees it in its own transaction; the metrics report
 * the queues.
 */
class SourceOutbox1700000000001 implements MigrationInterface {
  name = 'SourceOutbox1700000000001';
  async up(q: QueryRunner): Promise<void> {
    for (const statement of outboxTablesSql('evtsource')) await q.query(statement);
  }
  async down(): Promise<void> {}
}

class SinkInbox1700000000002 implements MigrationInterface {
  name = 'SinkInbox1700000000002';
  async up(q: QueryRunner): Promise<void> {
    for (const statement of inboxTablesSql('evtsink')) await q.query(statement);
    await q.query('CREATE TABLE evtsink.assignment (client_id uuid PRIMARY KEY, case_manager_id uuid NOT NULL, sequence int NOT NULL)');
  }
  async down(): Promise<void> {}
}

const schema = async () => buildSubgraphSchema({ typeDefs: parse('type Query { ok: Boolean }'), resolvers: { Query: { ok: () => true } } });

function definition(name: string, migrations: Array<new () => MigrationInterface>, consumes?: () => EventConsumer) {
  return {
    name,
    dbSchema: name,
    entities: [],
    migrations,
    buildSchema: schema,
    createContext: (_dataSource, base) => base,
    consumes,
  } satisfies SubgraphDefinition<RequestContext>;
}

const sinkConsumer = (): EventConsumer => ({
  name: 'evtsink',
  types: ['client.assigned'],
  async handle(event, manager) {
    if (event.type !== 'client.assigned') return;
    const payload = event.payload as { clientId: string; caseManagerId: string };
    await manager.query(
      `INSERT INTO evtsink.assignment (client_id, case_manager_id, sequence) VALUES ($1, $2, $3)
       ON CONFLICT (client_id) DO UPDATE SET case_manager_id = excluded.case_manager_id, sequence = excluded.sequence`,
      [payload.clientId, payload.caseManagerId, event.sequence],
    );
  },
});

let source: TestSubgraph;
let sink: TestSubgraph;
const sinkMetrics = createServiceMetrics('evtsink', { processMetrics: false });

beforeAll(async () => {
  const databaseUrl = await createTestDatabase('subgraph_events');
  // The consumer first, as the migration step makes every consumer's queue before any service relays.
  sink = await startTestSubgraph(definition('evtsink', [SinkInbox1700000000002], sinkConsumer), { databaseUrl, metrics: sinkMetrics });
  source = await startTestSubgraph(definition('evtsource', [SourceOutbox1700000000001]), { databaseUrl });
});
afterAll(async () => {
  await source?.stop();
  await sink?.stop();
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a subgraph started with an events URL', () => {
  it('relays what it records to the consumer of another subgraph, which applies each event in order', async () => {
    expect({ source: source.subgraph.events?.relaying, sink: sink.subgraph.events?.relaying }).toEqual({ source: true, sink: false });
    const client = randomUUID();
    const organizationId = randomUUID();
    const managers = [randomUUID(), randomUUID(), randomUUID()];
    for (const caseManagerId of managers) {
      await source.subgraph.database.dataSource.transaction((manager) =>
        recordEvents(manager, 'evtsource', [
          {
            type: 'client.assigned',
            aggregateType: 'Client',
            aggregateId: client,
            organizationId,
            payload: { clientId: client, organizationId, caseManagerId, previousCaseManagerId: null, byStaffId: caseManagerId },
          },
        ]),
      );
    }
    const read = async () =>
      (await sink.subgraph.database.dataSource.query(
        'SELECT case_manager_id AS "manager", sequence FROM evtsink.assignment WHERE client_id = $1',
        [client],
      )) as Array<{ manager: string; sequence: number }>;
    expect(await until(read, (rows) => rows[0]?.sequence === 3)).toEqual([{ manager: managers[2], sequence: 3 }]);
    const [{ applied }] = await sink.subgraph.database.dataSource.query(
      "SELECT count(*)::int AS applied FROM evtsink.consumed_event WHERE source = 'evtsource'",
    );
    expect(applied).toBe(3);
  });

  it('reports its event queues’ depth and oldest age in its metrics', async () => {
    const text = await sinkMetrics.registry.metrics();
    expect(text).toContain('caseflow_event_queue_depth{queue="events.evtsink",service="evtsink"} 0');
    expect(text).toContain('caseflow_event_queue_depth{queue="events.evtsink.dead",service="evtsink"} 0');
    expect(text).toMatch(/caseflow_event_queue_oldest_seconds\{queue="events.evtsink",service="evtsink"\} 0\n/);
  });

  it('runs without events when started with no events URL', async () => {
    const plain = await startTestSubgraph(definition('evtplain', []), {
      eventsDatabaseUrl: undefined,
      logger: createLogger('evtplain', 'silent'),
    });
    try {
      expect(plain.subgraph.events).toBeUndefined();
      expect(plain.eventsUrl).toBeUndefined();
      expect((await fetch(`${plain.baseUrl}/health`)).status).toBe(200);
    } finally {
      await plain.stop();
    }
  });
});
