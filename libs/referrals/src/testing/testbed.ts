/**
 * The referrals subgraph's test harness, one subgraph for a test suite: a fresh database with the demo
 * referrals, the fake clients and resources peers, and helpers to call it as
 * a demo staff member and to read what it wrote.
 */
import { randomBytes } from 'node:crypto';
import type { ActiveConsent, Actor } from '@caseflow/auth';
import { type DemoStaff, type DemoWorld, demoStaff, demoWorld } from '@caseflow/demo';
import { type GraphQLResponse, internalHeaders, postGraphQL, startTestSubgraph, type TestSubgraph } from '@caseflow/testing';
import { type SeededReferral, demoReferrals, seedReferrals } from '@caseflow/referrals-seed';
import { referralsSubgraph } from '../subgraph';
import { FakeClientAccess, FakeDirectory, FakePlans } from './fake-peers';

export type StaffKey = Parameters<typeof demoStaff>[0];

import type { AuditRow } from '@caseflow/testing';
export type { AuditRow };

export interface ReferralsTest {
  t: TestSubgraph;
  world: DemoWorld;
  seeded: SeededReferral[];
  clients: FakeClientAccess;
  directory: FakeDirectory;
  plans: FakePlans;
  /** The fake clients subgraph's address (its client-access and time-zone routes). */
  clientsUrl: string;
  /** The fake resources subgraph's address (its `_entities` and the directory's names). */
  resourcesUrl: string;
  as<T = Record<string, unknown>>(key: StaffKey, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The id of the newest audit event (to read what a request added). */
  auditMark(): Promise<number>;
  auditSince(mark: number): Promise<AuditRow[]>;
  /** SQL statements sent since `mark`, audit writes left out. */
  sqlSince(mark: number): string[];
  /** An active consent from the client to the organization (as the clients subgraph would report it to the case side). */
  consent(clientId: string, organizationId: string, consent?: Partial<ActiveConsent>): void;
  /** The fake peers as they started: no overrides, no calls counted, none down. */
  resetPeers(): void;
  /** The world's Weekly Food Pantry, the service most tests refer to. */
  pantry(): DemoWorld['services'][number];
  stop(): Promise<void>;
}

export const actorOf = (s: DemoStaff): Actor => ({ staffId: s.id, role: s.role, organizationId: s.organizationId });
const DAY = 86_400_000;

export async function startReferralsTest(today = new Date()): Promise<ReferralsTest> {
  const world = demoWorld(today);
  const secret = randomBytes(24).toString('hex');
  const clients = new FakeClientAccess(secret, world);
  const directory = new FakeDirectory(secret, world);
  const plans = new FakePlans(secret, world);
  const [clientsUrl, resourcesUrl, plansUrl] = await Promise.all([clients.start(), directory.start(), plans.start()]);
  const t = await startTestSubgraph(referralsSubgraph, {
    internalSecret: secret,
    peerUrls: { clients: clientsUrl, resources: resourcesUrl, plans: plansUrl },
    peerTimeoutMs: 1000,
  });
  await seedReferrals(t.subgraph.database.dataSource, world);
  const ds = t.subgraph.database.dataSource;
  return {
    t,
    world,
    seeded: demoReferrals(world),
    clients,
    directory,
    plans,
    clientsUrl,
    resourcesUrl,
    as: (key, query, variables = {}) => postGraphQL(t.url, query, variables, internalHeaders(actorOf(demoStaff(key)), t.secret)),
    query: (sql, params = []) => ds.query(sql, params),
    auditMark: async () => Number((await ds.query('SELECT coalesce(max(id), 0) AS id FROM referrals.audit_event'))[0].id),
    auditSince: (mark) =>
      ds.query(
        `SELECT action, outcome, entity_type, entity_id, client_id, actor_id, detail FROM referrals.audit_event WHERE id > $1 ORDER BY id`,
        [mark],
      ),
    sqlSince: (mark) => t.subgraph.database.counter.since(mark).filter((sql) => !sql.includes('audit_event')),
    consent: (clientId, organizationId, consent = {}) => {
      const current = clients.overrides.get(clientId)?.consents ?? [];
      const added: ActiveConsent = {
        recipientOrganizationId: organizationId,
        scope: ['CONTACT_INFO', 'REFERRAL_DETAILS'],
        expiresAt: new Date(Date.now() + 60 * DAY).toISOString(),
        ...consent,
      };
      clients.overrides.set(clientId, { ...clients.overrides.get(clientId), consents: [...current, added] });
    },
    resetPeers: () => {
      clients.reset();
      directory.reset();
      plans.reset();
    },
    pantry: () => world.services.find((s) => s.name === 'Weekly Food Pantry') as DemoWorld['services'][number],
    stop: async () => {
      await t.stop();
      await Promise.all([clients.stop(), directory.stop(), plans.stop()]);
    },
  };
}

/**
 * One testbed for a whole suite: started before its tests, stopped after
 * them, the fake peers reset before each test. `use` is handed the testbed
 * once it has started (`testbedForSuite((t) => (r = t))`).
 */
export function testbedForSuite(use: (testbed: ReferralsTest) => void): void {
  let testbed: ReferralsTest | undefined;
  beforeAll(async () => {
    testbed = await startReferralsTest();
    use(testbed);
  });
  afterAll(() => testbed?.stop());
  beforeEach(() => testbed?.resetPeers());
}
