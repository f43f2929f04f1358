/**
 * What the plans integration suites share: the plans subgraph on a fresh,
 * seeded database (real PostgreSQL), and a stand-in for the ONE thing it asks
 * of the clients subgraph — the client-access endpoint — which answers by the
 * same role table as the real one (assigned case manager and the agency's
 * supervisors: everything and write; partners: the kinds a consent covers,
 * read-only; analysts and admins: nothing), from the demo world.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type Actor,
  CLIENT_ACCESS_PATH,
  type ClientAccessResponse,
  type ClientGrant,
  INFORMATION_KINDS,
  type InformationKind,
  INTERNAL_TOKEN_HEADER,
  noGrant,
  verifyInternalToken,
} from '@caseflow/auth';
import { type DemoClient, type DemoWorld, demoStaff, demoWorld } from '@caseflow/demo';
import { type GraphQLResponse, internalHeaders, postGraphQL, startTestSubgraph, type TestSubgraph } from '@caseflow/testing';
import { plansSeed, seedPlans } from '@caseflow/plans-seed';
import { plansSubgraph } from '../subgraph';

export type StaffKey = Parameters<typeof demoStaff>[0];

export function actorOf(key: StaffKey): Actor {
  const s = demoStaff(key);
  return { staffId: s.id, role: s.role, organizationId: s.organizationId };
}

export interface AuditRow {
  action: string;
  outcome: string;
  entity_type: string;
  entity_id: string | null;
  client_id: string | null;
}

export class FakeClientAccess {
  readonly calls: Array<{ clientIds: string[]; actor: Actor }> = [];
  /** Clients whose grant is "exists, nothing allowed", whoever asks. */
  readonly denied = new Set<string>();
  /** The kinds a partner organization's active consent covers, per client: `${organizationId}:${clientId}`. */
  readonly consents = new Map<string, InformationKind[]>();

  constructor(private readonly clients: readonly DemoClient[]) {}

  reset(): void {
    this.calls.length = 0;
    this.denied.clear();
    this.consents.clear();
  }

  grant(actor: Actor, id: string): ClientGrant {
    const client = this.clients.find((c) => c.id === id);
    if (!client) return noGrant(id);
    if (this.denied.has(id)) return noGrant(id, true);
    const caseAccess =
      (actor.role === 'CASE_MANAGER' && client.caseManagerId === actor.staffId) ||
      (actor.role === 'SUPERVISOR' && client.organizationId === actor.organizationId);
    if (caseAccess)
      return { clientId: id, exists: true, organizationId: client.organizationId, read: [...INFORMATION_KINDS], write: true, consents: [] };
    const kinds = actor.role === 'PARTNER' ? this.consents.get(`${actor.organizationId}:${id}`) : undefined;
    if (kinds?.length)
      return { clientId: id, exists: true, organizationId: client.organizationId, read: kinds, write: false, consents: [] };
    return noGrant(id, true);
  }
}

function readJson(request: IncomingMessage): Promise<{ clientIds: string[] }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    request.on('error', reject);
  });
}

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
  lastAuditId(): Promise<number>;
  auditSince(id: number): Promise<AuditRow[]>;
  stop(): Promise<void>;
}

/** Starts the plans subgraph on a fresh database seeded with the demo world, beside a stand-in clients access endpoint. */
export async function startPlansTestbed(): Promise<PlansTestbed> {
  const world = demoWorld(new Date());
  const access = new FakeClientAccess(world.clients);
  let secret = '';
  const fake: Server = createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== CLIENT_ACCESS_PATH) {
      response.writeHead(404).end();
      return;
    }
    void readJson(request).then(async (body) => {
      const token = request.headers[INTERNAL_TOKEN_HEADER];
      const { actor } = await verifyInternalToken(Array.isArray(token) ? token[0] : token, secret);
      access.calls.push({ clientIds: body.clientIds, actor });
      const answer: ClientAccessResponse = { grants: body.clientIds.map((id) => access.grant(actor, id)) };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  const clientsUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
  const t = await startTestSubgraph(plansSubgraph, { peerUrls: { clients: clientsUrl } });
  secret = t.secret;
  const dataSource = t.subgraph.database.dataSource;
  await seedPlans(dataSource, world);

  return {
    t,
    world,
    seed: plansSeed(world),
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
    auditSince: (id) =>
      dataSource.query('SELECT action, outcome, entity_type, entity_id, client_id FROM plans.audit_event WHERE id > $1 ORDER BY id', [id]),
    stop: async () => {
      await t.stop();
      fake.closeAllConnections();
      await new Promise((resolve) => fake.close(resolve));
    },
  };
}
