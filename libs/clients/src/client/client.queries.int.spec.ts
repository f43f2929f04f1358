import { demoStaff, demoWorld } from '@caseflow/demo';
import { errorCodes, internalHeaders, postGraphQL, startTestSubgraph, type TestSubgraph } from '@caseflow/testing';
import { seedClients } from '@caseflow/clients-seed';
import { anyOf } from '@caseflow/db';
import { clientsSubgraph } from '../subgraph';
import { ClientEntity } from './client.entity';
import { clientsByIds } from './client.sql';

const world = demoWorld(new Date());
const casey = demoStaff('casey');
const jordan = demoStaff('jordan');
const sam = demoStaff('sam');
const pat = demoStaff('pat');
const actorOf = (s: typeof casey) => ({ staffId: s.id, role: s.role, organizationId: s.organizationId });
const caseysClients = world.clients.filter((c) => c.caseManagerId === casey.id);
const jordansClients = world.clients.filter((c) => c.caseManagerId === jordan.id);

let t: TestSubgraph;
const as = (s: typeof casey) => internalHeaders(actorOf(s), t.secret);
const auditCount = async () => Number((await t.subgraph.database.dataSource.query('SELECT count(*) AS n FROM clients.audit_event'))[0].n);

beforeAll(async () => {
  t = await startTestSubgraph(clientsSubgraph);
  await seedClients(t.subgraph.database.dataSource, world);
});
afterAll(() => t?.stop());

describe('clients subgraph', () => {
  it('prints a Federation 2 SDL with the @link and each @key', async () => {
    const res = await postGraphQL<{ _service: { sdl: string } }>(t.url, '{ _service { sdl } }', {}, as(casey));
    const sdl = res.data!._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(sdl).toMatch(/type Client\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type StaffMember\s+@key\(fields: "id"\)/);
    // Resolvable here: the subgraph contributes the agency's settings (timeZone) to the directory's Organization.
    expect(sdl).toMatch(/type Organization\s+@key\(fields: "id"\)/);
  });

  it('resolves mixed, duplicate and unknown Client references in order, in one SQL statement', async () => {
    const [a, b] = caseysClients;
    const unknown = '00000000-0000-4000-8000-000000000999';
    const representations = [a, b, a, { id: unknown }, { id: 'not-a-uuid' }].map((c) => ({ __typename: 'Client', id: c.id }));
    const mark = t.subgraph.database.counter.count;
    const res = await postGraphQL<{ _entities: Array<{ id: string; displayName: string } | null> }>(
      t.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Client { id displayName } } }',
      { r: representations },
      as(casey),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities.map((e) => e?.id ?? null)).toEqual([a.id, b.id, a.id, null, null]);
    const statements = t.subgraph.database.counter.since(mark).filter((sql) => !sql.includes('audit_event'));
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/^SELECT c\.id, .* FROM clients\.client c WHERE c\.id = ANY\(\$1::uuid\[\]\)$/s);
  });

  it('reads a client by id as the entity it stands for: every column of every demo client, as TypeORM would', async () => {
    const db = t.subgraph.database.dataSource;
    const ids = world.clients.map((c) => c.id);
    const byId = (rows: Array<{ id: string }>) => [...rows].sort((x, y) => x.id.localeCompare(y.id));
    const prepared = byId(await clientsByIds(db, [...ids, '00000000-0000-4000-8000-000000000999']));
    const entities = byId(await db.getRepository(ClientEntity).findBy({ id: anyOf(ids) }));
    expect(prepared).toHaveLength(world.clients.length);
    expect(prepared).toEqual(entities.map((e) => ({ ...e })));
    expect(await clientsByIds(db, [])).toEqual([]);
  });

  it('resolves StaffMember references in one statement, with their organization as a reference', async () => {
    const mark = t.subgraph.database.counter.count;
    const res = await postGraphQL<{ _entities: Array<{ id: string; displayName: string; organization: { id: string } } | null> }>(
      t.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on StaffMember { id displayName organization { id } } } }',
      { r: [casey, pat, casey].map((s) => ({ __typename: 'StaffMember', id: s.id })) },
      as(pat),
    );
    expect(res.data!._entities).toEqual([
      { id: casey.id, displayName: casey.displayName, organization: { id: casey.organizationId } },
      { id: pat.id, displayName: pat.displayName, organization: { id: pat.organizationId } },
      { id: casey.id, displayName: casey.displayName, organization: { id: casey.organizationId } },
    ]);
    expect(t.subgraph.database.counter.since(mark).filter((sql) => !sql.includes('audit_event'))).toHaveLength(1);
  });

  it("does not resolve jordan's clients for casey, and audits the denial", async () => {
    const before = await auditCount();
    const res = await postGraphQL<{ _entities: unknown[] }>(
      t.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Client { id displayName } } }',
      { r: [{ __typename: 'Client', id: jordansClients[0].id }] },
      as(casey),
    );
    expect(res.data!._entities).toEqual([null]);
    const rows = await t.subgraph.database.dataSource.query(
      `SELECT action, outcome, client_id FROM clients.audit_event ORDER BY id DESC LIMIT 1`,
    );
    expect(rows).toEqual([{ action: 'READ', outcome: 'DENIED', client_id: jordansClients[0].id }]);
    expect(await auditCount()).toBe(before + 1);
  });

  it("lists only the caller's own clients for a case manager, and the agency's for a supervisor", async () => {
    const q = '{ clients(first: 100) { totalCount edges { node { id } } } }';
    const forCasey = await postGraphQL<{ clients: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(
      t.url,
      q,
      {},
      as(casey),
    );
    expect(forCasey.data!.clients.totalCount).toBe(caseysClients.length);
    const mine = new Set(caseysClients.map((c) => c.id));
    expect(forCasey.data!.clients.edges).toHaveLength(Math.min(100, caseysClients.length));
    expect(forCasey.data!.clients.edges.every((e) => mine.has(e.node.id))).toBe(true);
    const forSam = await postGraphQL<{ clients: { totalCount: number } }>(t.url, q, {}, as(sam));
    expect(forSam.data!.clients.totalCount).toBe(caseysClients.length + jordansClients.length);
  });

  it('pages with keyset cursors without gaps or repeats', async () => {
    const q = 'query($after: String) { clients(first: 7, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }';
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: Awaited<
        ReturnType<
          typeof postGraphQL<{ clients: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: { id: string } }> } }>
        >
      > = await postGraphQL(t.url, q, { after }, as(sam));
      seen.push(...res.data!.clients.edges.map((e) => e.node.id));
      if (!res.data!.clients.pageInfo.hasNextPage) break;
      after = res.data!.clients.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(world.clients.length);
    expect(new Set(seen).size).toBe(world.clients.length);
  });

  it('refuses first: 101 with BAD_USER_INPUT naming the argument', async () => {
    const res = await postGraphQL(t.url, '{ clients(first: 101) { totalCount } }', {}, as(casey));
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe('first');
  });

  it('matches names case- and accent-insensitively', async () => {
    const target = world.clients.find((c) => /[éè]/.test(c.firstName + c.lastName))!;
    const plain = target.lastName.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
    const res = await postGraphQL<{ clients: { edges: Array<{ node: { id: string } }> } }>(
      t.url,
      'query($f: ClientFilter) { clients(first: 100, filter: $f) { edges { node { id } } } }',
      { f: { nameContains: plain } },
      as(sam),
    );
    expect(res.data!.clients.edges.map((e) => e.node.id)).toContain(target.id);
  });

  it('refuses a request without a valid internal token, _service and _entities included', async () => {
    for (const query of ['{ _service { sdl } }', '{ me { id } }']) {
      const res = await postGraphQL(t.url, query);
      expect(res.status).toBe(401);
      expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
      expect(res.data).toBeUndefined();
    }
    const forged = await postGraphQL(t.url, '{ me { id } }', {}, internalHeaders(actorOf(sam), 'not-the-secret'));
    expect(errorCodes(forged)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers who the caller is', async () => {
    const res = await postGraphQL(t.url, '{ me { id displayName role email organization { id } } }', {}, as(pat));
    expect(res.data).toEqual({
      me: { id: pat.id, displayName: pat.displayName, role: 'PARTNER', email: pat.email, organization: { id: pat.organizationId } },
    });
  });
});
