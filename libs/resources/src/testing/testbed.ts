/**
 * What the resources integration suites share: the subgraph on a fresh
 * database (real PostgreSQL), optionally with the demo directory; requests
 * as a demo staff member; row counts of the directory's tables; and the
 * Open Eligibility terms the suites expect at the top and under Food.
 */
import type { Actor } from '@caseflow/auth';
import { type DemoStaff, demoStaff, demoWorld } from '@caseflow/demo';
import { internalHeaders, postGraphQL, startTestSubgraph, type TestSubgraph } from '@caseflow/testing';
import { seedResources } from '@caseflow/resources-seed';
import { resourcesSubgraph } from '../subgraph';

export type StaffKey = Parameters<typeof demoStaff>[0];

/** The demo world every seeded suite shares (dates relative to now). */
export const world = demoWorld(new Date());

/** The resources subgraph on a fresh database; with `seed`, the demo directory (the taxonomy included) is written first. */
export async function startResources(seed: 'demo' | 'empty' = 'demo'): Promise<TestSubgraph> {
  const t = await startTestSubgraph(resourcesSubgraph);
  if (seed === 'demo') await seedResources(t.subgraph.database.dataSource, world);
  return t;
}

export function actorOf(who: StaffKey | DemoStaff): Actor {
  const s = typeof who === 'string' ? demoStaff(who) : who;
  return { staffId: s.id, role: s.role, organizationId: s.organizationId };
}

/** The internal headers of a request by this staff member. */
export function staffHeaders(t: TestSubgraph, who: StaffKey | DemoStaff): Promise<Record<string, string>> {
  return internalHeaders(actorOf(who), t.secret);
}

/** A GraphQL request to the subgraph by this staff member. */
export function graphqlAs<T = Record<string, unknown>>(
  t: TestSubgraph,
  who: StaffKey | DemoStaff,
  query: string,
  variables: Record<string, unknown> = {},
) {
  return postGraphQL<T>(t.url, query, variables, staffHeaders(t, who));
}

/** How many rows each of `tables` (of the `resources` schema) holds, in one statement. */
export async function rowCounts(t: TestSubgraph, tables: readonly string[]): Promise<Record<string, number>> {
  const rows: Array<{ name: string; n: number }> = await t.subgraph.database.dataSource.query(
    tables.map((name) => `SELECT '${name}' AS name, count(*)::int AS n FROM resources.${name}`).join(' UNION ALL '),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.n]));
}

/** The 11 top-level Open Eligibility categories, by name. */
export const TOP_LEVEL_TERMS = [
  'Care',
  'Education',
  'Emergency',
  'Food',
  'Goods',
  'Health',
  'Housing',
  'Legal',
  'Money',
  'Transit',
  'Work',
];

/** The children of Food (1102), by name. */
export const FOOD_TERMS = [
  'Community Gardens',
  'Emergency Food',
  'Food Delivery',
  'Food Pantry',
  'Free Meals',
  'Help Pay for Food',
  'Nutrition',
];
