/** A clients subgraph on a fresh, seeded database, with a stand-in directory, for this library's integration tests. */
import { type DemoStaff, type DemoWorld, demoStaff, demoWorld } from '@caseflow/demo';
import { type GraphQLResponse, internalHeaders, postGraphQL, startTestSubgraph, type TestSubgraph } from '@caseflow/testing';
import { seedClients } from '@caseflow/clients-seed';
import { clientsSubgraph } from '../subgraph';
import { fakeDirectory } from './fake-directory';

export type StaffKey = Parameters<typeof demoStaff>[0];

export interface ClientsTestbed {
  t: TestSubgraph;
  world: DemoWorld;
  staff(key: StaffKey): DemoStaff;
  as<T = Record<string, unknown>>(key: StaffKey, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  count(table: string, where?: string, params?: unknown[]): Promise<number>;
  /** Organization ids the stand-in directory knows. */
  directory: Set<string>;
  stop(): Promise<void>;
}

/** `peerUrls`: stand-ins for other peers (e.g. referrals), beside the stand-in directory. */
export async function startClientsTestbed(today = new Date(), peerUrls: Record<string, string> = {}): Promise<ClientsTestbed> {
  const world = demoWorld(today);
  const directory = new Set(world.organizations.map((o) => o.id));
  const fake = await fakeDirectory(directory);
  const t = await startTestSubgraph(clientsSubgraph, { peerUrls: { ...peerUrls, resources: fake.url } });
  await seedClients(t.subgraph.database.dataSource, world);
  const sql = <T>(query: string, params: unknown[] = []) => t.subgraph.database.dataSource.query(query, params) as Promise<T[]>;
  return {
    t,
    world,
    directory,
    staff: demoStaff,
    as: (key, query, variables = {}) => {
      const s = demoStaff(key);
      return postGraphQL(
        t.url,
        query,
        variables,
        internalHeaders({ staffId: s.id, role: s.role, organizationId: s.organizationId }, t.secret),
      );
    },
    sql,
    count: async (table, where = 'true', params = []) =>
      Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM clients.${table} WHERE ${where}`, params))[0].n),
    stop: async () => {
      await t.stop();
      await new Promise((resolve) => fake.server.close(resolve));
    },
  };
}
