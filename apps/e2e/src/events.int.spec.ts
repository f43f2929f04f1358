/**
 * The domain events in the platform as `npm start` runs it: the migration
 * step installed the queue in its own schema, as a role that owns that
 * schema and is no superuser; every subgraph with an outbox relays it, and
 * every consumer's queue exists before the first relay.
 */
import { randomUUID } from 'node:crypto';
import { consumerQueueName, deadLetterQueueName, type NewDomainEvent, recordEvents } from '@caseflow/events';
import { SUBGRAPHS, SUBGRAPH_NAMES } from '@caseflow/platform';
import { startTestStack, type TestStack } from './harness';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const producers = () => SUBGRAPH_NAMES.filter((name) => stack.subgraphs[name].subgraph.events?.relaying);

function assigned(clientId: string, organizationId: string): NewDomainEvent {
  return {
    type: 'client.assigned',
    aggregateType: 'Client',
    aggregateId: clientId,
    organizationId,
    payload: { clientId, organizationId, caseManagerId: randomUUID(), previousCaseManagerId: null, byStaffId: randomUUID() },
  };
}

describe('the domain events of the platform', () => {
  it('keep the queue in the events schema, owned by a role of its own that is no superuser, with every consumer’s queue made', async () => {
    const [owner] = await stack.sql<{ owner: string; superuser: boolean }>(
      `SELECT r.rolname AS owner, r.rolsuper AS superuser FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE n.nspname = 'events'`,
    );
    expect(owner).toEqual({ owner: expect.stringMatching(/_events_owner$/), superuser: false });
    const queues = (await stack.sql<{ name: string }>('SELECT name FROM events.queue ORDER BY name')).map((q) => q.name);
    const consumers = SUBGRAPH_NAMES.filter((name) => SUBGRAPHS[name].consumes);
    expect(queues).toEqual(expect.arrayContaining(consumers.flatMap((name) => [consumerQueueName(name), deadLetterQueueName(name)])));
  });

  it('relay what each producing subgraph records, leaving no event unpublished', async () => {
    expect(producers()).toEqual(expect.arrayContaining(['clients', 'plans', 'referrals']));
    const organizationId = stack.staff('casey').organizationId;
    const recorded = new Map<string, string>();
    for (const name of producers()) {
      const clientId = randomUUID();
      recorded.set(name, clientId);
      const schema = SUBGRAPHS[name].dbSchema;
      await stack.subgraphs[name].subgraph.database.dataSource.transaction((manager) =>
        recordEvents(manager, schema, [assigned(clientId, organizationId)]),
      );
    }
    await stack.settleEvents();
    for (const [name, clientId] of recorded) {
      const rows = await stack.sql<{ published: boolean }>(
        `SELECT published_at IS NOT NULL AS published FROM "${SUBGRAPHS[name as keyof typeof SUBGRAPHS].dbSchema}".outbox_event WHERE aggregate_id = $1`,
        [clientId],
      );
      expect({ name, rows }).toEqual({ name, rows: [{ published: true }] });
    }
  });
});
