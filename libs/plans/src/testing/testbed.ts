/**
 * What the plans integration suites share: the plans subgraph on a fresh,
 * seeded database (real PostgreSQL), beside a stand-in for the clients
 * subgraph's client-access endpoint (fake-client-access.ts).
 */
import type { Actor } from '@caseflow/auth';
import { type DemoWorld, demoStaff, demoWorld } from '@caseflow/demo';
import { type GraphQLResponse, internalHeaders, postGraphQL, startTestSubgraph, type TestSubgraph } from '@caseflow/testing';
import { plansSeed, seedPlans } from '@caseflow/plans-seed';
import { plansSubgraph } from '../subgraph';
import { FakeClientAccess, startFakeClientAccess } from './fake-client-access';
import { planPicker } from './plan-picker';

export { FakeClientAccess } from './fake-client-access';

export type StaffKey = Parameters<typeof demoStaff>[0];

export function actorOf(key: StaffKey): Actor {
  const s = demoStaff(key);
  return { staffId: s.id, role: s.role, organizationId: s.organizationId };
}

import type { AuditRow } from '@caseflow/testing';
export type { AuditRow };

export interface PlansTestbed {
  t: TestSubgraph;
  world: DemoWorld;
  seed: ReturnType<typeof plansSeed>;
  access: FakeClientAccess;
  clientsUrl: string;
  /** Runs an operation on the plans subgraph as a demo staff member (or any actor). */
  gql<T = Record<string, unknown>>(who: StaffKey | Actor, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  /** Statements sent to the plans database since `mark` (a counter value), audit writes left out. */
  sqlSince(mark: number): string[];
  statementMark(): number;
  /** Everything stored for one client's plans and grids, to show that a refused change changed nothing. */
  snapshot(clientId: string): Promise<unknown>;
  /** A seeded plan made by `staffId` (ACTIVE unless asked) with an unfinished step under an OPEN goal, each handed out once. */
  takePlan: ReturnType<typeof planPicker>;
  lastAuditId(): Promise<number>;
  /** The plans outbox's last position, and the events recorded after one. */
  outboxMark(): Promise<number>;
  outboxSince(position: number): Promise<Array<{ type: string; aggregate_id: string; payload: Record<string, unknown> }>>;
  auditSince(id: number): Promise<AuditRow[]>;
  stop(): Promise<void>;
}

/** Starts the plans subgraph on a fresh database seeded with the demo world, beside a stand-in clients access endpoint. */
export async function startPlansTestbed(): Promise<PlansTestbed> {
  const world = demoWorld(new Date());
  const access = new FakeClientAccess(world.clients);
  let secret = '';
  const peer = await startFakeClientAccess(access, () => secret);
  const clientsUrl = peer.url;
  const t = await startTestSubgraph(plansSubgraph, { peerUrls: { clients: clientsUrl } });
  secret = t.secret;
  const dataSource = t.subgraph.database.dataSource;
  // Without the demo's plan agreements: the specs agree plans themselves and take any active plan as awaiting agreement.
  await seedPlans(dataSource, world, { agreements: false });

  const seed = plansSeed(world, { agreements: false });
  return {
    t,
    world,
    seed,
    takePlan: planPicker(seed, world),
    access,
    clientsUrl,
    gql: (who, query, variables = {}) =>
      postGraphQL(t.url, query, variables, internalHeaders(typeof who === 'string' ? actorOf(who) : who, t.secret)),
    sql: (query, params = []) => dataSource.query(query, params),
    sqlSince: (mark) => t.subgraph.database.counter.since(mark).filter((sql) => !sql.includes('audit_event')),
    statementMark: () => t.subgraph.database.counter.count,
    snapshot: async (clientId) => ({
      plans: await dataSource.query(
        `SELECT id, status, version, organization_id, updated_at FROM plans.action_plan WHERE client_id = $1 ORDER BY id`,
        [clientId],
      ),
      goals: await dataSource.query(
        `SELECT g.id, g.status, g.position, g.description, g.set_at FROM plans.goal g JOIN plans.action_plan p ON p.id = g.plan_id
          WHERE p.client_id = $1 ORDER BY g.id`,
        [clientId],
      ),
      tasks: await dataSource.query(
        `SELECT t.id, t.position, t.title FROM plans.plan_task t JOIN plans.goal g ON g.id = t.goal_id
           JOIN plans.action_plan p ON p.id = g.plan_id WHERE p.client_id = $1 ORDER BY t.id`,
        [clientId],
      ),
      steps: await dataSource.query(
        `SELECT s.id, s.outcome, s.due_date::text, s.completed_at::text FROM plans.plan_step s JOIN plans.plan_task t ON t.id = s.task_id
           JOIN plans.goal g ON g.id = t.goal_id JOIN plans.action_plan p ON p.id = g.plan_id WHERE p.client_id = $1 ORDER BY s.id`,
        [clientId],
      ),
      revisions: await dataSource.query(
        `SELECT r.id FROM plans.plan_revision r JOIN plans.action_plan p ON p.id = r.plan_id WHERE p.client_id = $1 ORDER BY r.id`,
        [clientId],
      ),
      rankings: await dataSource.query(`SELECT id FROM plans.priority_ranking WHERE client_id = $1 ORDER BY id`, [clientId]),
    }),
    lastAuditId: async () => Number((await dataSource.query('SELECT coalesce(max(id), 0) AS id FROM plans.audit_event'))[0].id),
    outboxMark: async () => Number((await dataSource.query('SELECT coalesce(max(position), 0) AS p FROM plans.outbox_event'))[0].p),
    outboxSince: (position) =>
      dataSource.query('SELECT type, aggregate_id, payload FROM plans.outbox_event WHERE position > $1 ORDER BY position', [position]),
    auditSince: (id) =>
      dataSource.query('SELECT action, outcome, entity_type, entity_id, client_id FROM plans.audit_event WHERE id > $1 ORDER BY id', [id]),
    stop: async () => {
      await t.stop();
      await peer.stop();
    },
  };
}
