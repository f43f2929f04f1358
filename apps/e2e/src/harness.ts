/**
 * The end-to-end harness: a fresh database with the demo world, the four
 * subgraphs and the gateway in this process on free ports (real HTTP between
 * them), and tokens from a throw-away issuer.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { readFileSync } from 'node:fs';
import type { Actor } from '@caseflow/auth';
import { type DemoStaff, type DemoWorld, demoStaff, demoWorld } from '@caseflow/demo';
import {
  SUBGRAPH_SCHEMAS,
  SUPERGRAPH_FILE,
  type Stack,
  type StackOptions,
  type SubgraphName,
  migrateSubgraphs,
  seedDemo,
  startStack,
} from '@caseflow/platform';
import { demoLogin } from '@caseflow/gateway';
import {
  createTestDatabase,
  createTestIssuer,
  type GraphQLResponse,
  postGraphQL,
  settleEvents,
  type TestIssuer,
  testEventsRole,
  type TestPlatformRoles,
  testPlatformRoles,
} from '@caseflow/testing';

export type StaffKey = Parameters<typeof demoStaff>[0];

export interface TestStack extends Stack {
  world: DemoWorld;
  /** The test database as a superuser (for the test's own checks, `sql`). */
  databaseUrl: string;
  /** Each subgraph's owner and runtime roles in it (the subgraphs connect as their runtime role), and the events queue's URL. */
  roles: PlatformRoles;
  issuer: TestIssuer;
  /** The secret the gateway and subgraphs share (to start another gateway in front of them). */
  internalSecret: string;
  actor(key: StaffKey): Actor;
  staff(key: StaffKey): DemoStaff;
  /** Runs SQL against the test database (to check that nothing changed). */
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  /** Waits until the domain events have settled: every outbox relayed, every consumer queue empty. */
  settleEvents(): Promise<void>;
  /** Runs an operation through the gateway as a seeded staff member. */
  as<T = Record<string, unknown>>(key: StaffKey, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
}

export interface TestStackOptions {
  /** Production mode: no introspection, no sandbox, no demo sign-in. */
  production?: boolean;
  gateway?: StackOptions['gateway'];
  /** A database of the test's own (e.g. on a server the test stops and starts); a fresh one on the run's server otherwise. */
  databaseUrl?: string;
  /** Captures every service's log lines (at `logLevel`, default warn); without it the stack logs nothing. */
  log?: (line: string) => void;
  logLevel?: StackOptions['logLevel'];
}

export type PlatformRoles = TestPlatformRoles<SubgraphName> & { eventsUrl: string };

/**
 * Each subgraph's owner and runtime roles in a test database (a superuser's
 * URL), migrated as an installation is by `npm run migrate`: as the owner
 * roles, with the runtime roles granted only what they use; and the queue of
 * the domain events, as its own role, installed with every consumer's queue.
 */
export async function platformRoles(databaseUrl: string): Promise<PlatformRoles> {
  const roles = { ...(await testPlatformRoles(databaseUrl, SUBGRAPH_SCHEMAS)), eventsUrl: (await testEventsRole(databaseUrl)).ownerUrl };
  await migrateSubgraphs(roles);
  return roles;
}

/**
 * These suites are load generators (the fuzz sends every malformed argument as fast as it can, as one
 * person): their gateway counts every request but never refuses. The budgets themselves are tested in
 * rate-limits.int.spec.ts; the browser suites, which work at a person's pace, run with the defaults.
 */
const LIFTED = { ratePerSecond: 100_000, burst: 1_000_000 };
export const LIFTED_BUDGETS = { rates: { staff: LIFTED, client: LIFTED, anonymous: LIFTED } };

export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase('e2e'));
  const world = demoWorld(new Date());
  const roles = await platformRoles(databaseUrl);
  await seedDemo(roles.migrationUrlFor, world);
  const issuer = createTestIssuer();
  const internalSecret = randomBytes(24).toString('hex');
  const stack = await startStack({
    databaseUrlFor: roles.runtimeUrlFor,
    internalSecret,
    verifyBearer: issuer.verifier,
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    logLevel: options.log ? (options.logLevel ?? 'warn') : 'silent',
    log: options.log,
    jobIntervalMs: 0,
    eventsDatabaseUrl: roles.eventsUrl,
    eventRelayIntervalMs: 50,
    eventPollingIntervalSeconds: 0.5,
    production: options.production,
    gateway: { rateLimit: LIFTED_BUDGETS, ...options.gateway },
    demoLogin: options.production ? undefined : demoLogin(issuer.privateKeyPem, issuer.issuer, issuer.audience),
  });
  const actor = (key: StaffKey): Actor => {
    const s = demoStaff(key);
    return { staffId: s.id, role: s.role, organizationId: s.organizationId };
  };
  return {
    ...stack,
    world,
    databaseUrl,
    roles,
    issuer,
    internalSecret,
    actor,
    staff: demoStaff,
    sql: async (query, params = []) => {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return (await client.query(query, params)).rows;
      } finally {
        await client.end();
      }
    },
    settleEvents: () => settleEvents(Object.values(stack.subgraphs).map((s) => s.subgraph)),
    as: async (key, query, variables = {}) =>
      postGraphQL(stack.gatewayUrl, query, variables, { authorization: `Bearer ${await issuer.token(actor(key))}` }),
  };
}

/** The settings that put another gateway in front of the stack's subgraphs: their addresses and the shared internal secret. */
export function subgraphSettings(stack: TestStack): Record<string, string> {
  return {
    INTERNAL_TOKEN_SECRET: stack.internalSecret,
    CLIENTS_URL: stack.subgraphs.clients.baseUrl,
    PLANS_URL: stack.subgraphs.plans.baseUrl,
    REFERRALS_URL: stack.subgraphs.referrals.baseUrl,
    RESOURCES_URL: stack.subgraphs.resources.baseUrl,
    NOTIFICATIONS_URL: stack.subgraphs.notifications.baseUrl,
  };
}

/** SQL statements each subgraph has sent so far (read before and after a request). */
export function statementCounts(stack: Stack): Record<string, number> {
  return Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.subgraph.database.counter.count]));
}
