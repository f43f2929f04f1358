import { randomBytes } from 'node:crypto';
import type { Actor } from '@caseflow/auth';
import { EASTSIDE_ID, NORTHSIDE_ID, demoStaff, demoWorld, type DemoStaff } from '@caseflow/demo';
import { errorCodes, internalHeaders, postGraphQL, startTestSubgraph, type TestSubgraph } from '@caseflow/testing';
import { type SeededReferral, demoReferrals, seedReferrals } from '@caseflow/referrals-seed';
import { referralsSubgraph } from '../subgraph';
import { FakeClientAccess } from '../testing/fake-peers';

const world = demoWorld(new Date());
const seeded = demoReferrals(world);
const casey = demoStaff('casey');
const jordan = demoStaff('jordan');
const sam = demoStaff('sam');
const pat = demoStaff('pat');
const alex = demoStaff('alex');
const actorOf = (s: DemoStaff): Actor => ({ staffId: s.id, role: s.role, organizationId: s.organizationId });
const caseysClients = world.clients.filter((c) => c.caseManagerId === casey.id);
const referralsOf = (clientId: string) =>
  seeded.filter((r) => r.clientId === clientId).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
const caseysReferrals = seeded.filter((r) => r.referredById === casey.id);
const jordansReferrals = seeded.filter((r) => r.referredById === jordan.id);
const UNKNOWN = '00000000-0000-4000-8000-000000000999';

let t: TestSubgraph;
let clients: FakeClientAccess;
const as = (s: DemoStaff) => internalHeaders(actorOf(s), t.secret);
const sqlSince = (mark: number) => t.subgraph.database.counter.since(mark).filter((sql) => !sql.includes('audit_event'));
const auditCount = async () => Number((await t.subgraph.database.dataSource.query('SELECT count(*) AS n FROM referrals.audit_event'))[0].n);
const lastAudit = async (n = 1) =>
  t.subgraph.database.dataSource.query(
    `SELECT action, outcome, entity_type, entity_id, client_id, actor_id FROM referrals.audit_event ORDER BY id DESC LIMIT $1`,
    [n],
  );

const ENTITIES_REFERRAL = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Referral { id status organization { id } } } }';
const CLIENT_REFERRALS =
  'query($r: [_Any!]!, $s: [ReferralStatus!]) { _entities(representations: $r) { ... on Client { id referrals(status: $s) { id status history { status } } } } }';
type ClientReferrals = {
  _entities: Array<{ id: string; referrals: Array<{ id: string; status: string; history: Array<{ status: string }> }> | null }>;
};
const clientReps = (ids: string[]) => ids.map((id) => ({ __typename: 'Client', id }));
const referralReps = (ids: string[]) => ids.map((id) => ({ __typename: 'Referral', id }));

beforeAll(async () => {
  const secret = randomBytes(24).toString('hex');
  clients = new FakeClientAccess(secret, world);
  const clientsUrl = await clients.start();
  t = await startTestSubgraph(referralsSubgraph, { internalSecret: secret, peerUrls: { clients: clientsUrl }, peerTimeoutMs: 1000 });
  await seedReferrals(t.subgraph.database.dataSource, world);
});
afterAll(async () => {
  await t?.stop();
  await clients?.stop();
});
beforeEach(() => clients.reset());

describe('referrals subgraph: schema and seed', () => {
  it('prints a Federation 2 SDL with the @link, its own @keys and resolvable: false stubs', async () => {
    const res = await postGraphQL<{ _service: { sdl: string } }>(t.url, '{ _service { sdl } }', {}, as(casey));
    const sdl = res.data!._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(sdl).toMatch(/type Referral\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type ReferralEvent\s+@key\(fields: "id"\)/);
    for (const contributed of ['Client', 'Goal', 'Organization']) {
      expect(sdl).toMatch(new RegExp(`type ${contributed}\\s+@key\\(fields: "id"\\)\\s`));
    }
    for (const stub of ['Service', 'StaffMember', 'TaxonomyTerm']) {
      expect(sdl).toMatch(new RegExp(`type ${stub}\\s+@key\\(fields: "id", resolvable: false\\)`));
    }
    expect(sdl).toMatch(/referrals\(status: \[ReferralStatus!\]\): \[Referral!\] @requires\(fields: "accessGrant"\)\n/);
    expect(sdl).toMatch(/accessGrant: String @external\n/);
    expect(sdl).toMatch(/history: \[ReferralEvent!\]!/);
  });

  it('seeds the world and twelve months of history once however often it runs', async () => {
    const count = async () =>
      (
        await t.subgraph.database.dataSource.query(
          'SELECT (SELECT count(*) FROM referrals.referral)::int AS referrals, (SELECT count(*) FROM referrals.referral_event)::int AS events',
        )
      )[0];
    const before = await count();
    await seedReferrals(t.subgraph.database.dataSource, world);
    expect(await count()).toEqual(before);
    expect(before).toEqual({ referrals: seeded.length, events: seeded.reduce((n, r) => n + r.events.length, 0) });
    expect(seeded.length).toBeGreaterThan(world.referrals.length);
  });

  it('refuses to change or delete history', async () => {
    const ds = t.subgraph.database.dataSource;
    await expect(ds.query(`UPDATE referrals.referral_event SET note = 'x'`)).rejects.toThrow(/permission denied for table referral_event/);
    await expect(ds.query(`DELETE FROM referrals.referral_event`)).rejects.toThrow(/permission denied for table referral_event/);
  });

  it('refuses a request without a valid internal token with HTTP 401', async () => {
    for (const query of ['{ _service { sdl } }', `{ referral(id: "${caseysReferrals[0].id}") { id } }`]) {
      const res = await postGraphQL(t.url, query);
      expect(res.status).toBe(401);
      expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
      expect(res.data).toBeUndefined();
    }
  });
});

describe('referrals subgraph: Referral references', () => {
  it('resolves mixed, duplicate, hidden and unknown ids in order, with one SQL statement and one access call', async () => {
    const [a, b] = caseysReferrals;
    const hidden = jordansReferrals[0];
    const before = await auditCount();
    const mark = t.subgraph.database.counter.count;
    const calls = clients.calls;
    const res = await postGraphQL<{ _entities: Array<{ id: string; status: string; organization: { id: string } } | null> }>(
      t.url,
      ENTITIES_REFERRAL,
      { r: referralReps([a.id, b.id, a.id, UNKNOWN, 'not-a-uuid', hidden.id]) },
      as(casey),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([
      { id: a.id, status: a.status, organization: { id: a.organizationId } },
      { id: b.id, status: b.status, organization: { id: b.organizationId } },
      { id: a.id, status: a.status, organization: { id: a.organizationId } },
      null,
      null,
      null,
    ]);
    expect(sqlSince(mark)).toHaveLength(1);
    expect(clients.calls - calls).toBe(1);
    const events = await lastAudit((await auditCount()) - before);
    expect(events.filter((e: { outcome: string }) => e.outcome === 'DENIED')).toEqual([
      { action: 'READ', outcome: 'DENIED', entity_type: 'Referral', entity_id: hidden.id, client_id: hidden.clientId, actor_id: casey.id },
    ]);
    expect(
      events
        .filter((e: { outcome: string }) => e.outcome === 'ALLOWED')
        .map((e: { entity_id: string }) => e.entity_id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
  });

  it('resolves ReferralEvent references only where the referral is visible', async () => {
    const mine = caseysReferrals[0].events[0];
    const theirs = jordansReferrals[0].events[0];
    const res = await postGraphQL<{ _entities: Array<{ id: string; status: string; actor: { id: string } | null } | null> }>(
      t.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on ReferralEvent { id status actor { id } } } }',
      { r: [mine.id, theirs.id, UNKNOWN].map((id) => ({ __typename: 'ReferralEvent', id })) },
      as(casey),
    );
    expect(res.data!._entities).toEqual([{ id: mine.id, status: mine.status, actor: { id: casey.id } }, null, null]);
  });
});

describe('referrals subgraph: Client.referrals', () => {
  it("returns each client's referrals newest first with their history oldest first", async () => {
    const ids = caseysClients.map((c) => c.id);
    const res = await postGraphQL<ClientReferrals>(t.url, CLIENT_REFERRALS, { r: clientReps(ids) }, as(casey));
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual(
      ids.map((id) => ({
        id,
        referrals: referralsOf(id).map((r) => ({ id: r.id, status: r.status, history: r.events.map((e) => ({ status: e.status })) })),
      })),
    );
  });

  it('costs the same SQL statements and one access call for 5 clients as for 20', async () => {
    const run = async (n: number) => {
      const mark = t.subgraph.database.counter.count;
      const calls = clients.calls;
      const res = await postGraphQL<ClientReferrals>(
        t.url,
        CLIENT_REFERRALS,
        { r: clientReps(caseysClients.slice(0, n).map((c) => c.id)) },
        as(casey),
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities).toHaveLength(n);
      return { statements: sqlSince(mark).length, calls: clients.calls - calls };
    };
    const five = await run(5);
    const twenty = await run(20);
    expect(five).toEqual({ statements: 2, calls: 1 });
    expect(twenty).toEqual(five);
  });

  it('filters by status', async () => {
    const ids = caseysClients.map((c) => c.id);
    const res = await postGraphQL<ClientReferrals>(t.url, CLIENT_REFERRALS, { r: clientReps(ids), s: ['SENT'] }, as(casey));
    const got = res.data!._entities.flatMap((e) => e.referrals ?? []);
    const expected = caseysReferrals.filter((r) => r.status === 'SENT');
    expect(expected.length).toBeGreaterThan(0);
    expect(got.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(got.every((r) => r.status === 'SENT')).toBe(true);
  });

  it('filters several statuses in the statement, newest first, one prepared read per distinct set of statuses', async () => {
    const ids = caseysClients.map((c) => c.id);
    const open = ['SENT', 'ACCEPTED', 'WAITLISTED', 'IN_PROGRESS'];
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Client {
      id open: referrals(status: [IN_PROGRESS, SENT, WAITLISTED, ACCEPTED, SENT]) { id } again: referrals(status: [SENT, ACCEPTED, WAITLISTED, IN_PROGRESS]) { id } all: referrals { id } } } }`;
    const mark = t.subgraph.database.counter.count;
    const res = await postGraphQL<{
      _entities: Array<{ id: string; open: Array<{ id: string }>; again: Array<{ id: string }>; all: Array<{ id: string }> }>;
    }>(t.url, query, { r: clientReps(ids) }, as(casey));
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual(
      ids.map((id) => {
        const opened = referralsOf(id)
          .filter((r) => open.includes(r.status))
          .map((r) => ({ id: r.id }));
        return { id, open: opened, again: opened, all: referralsOf(id).map((r) => ({ id: r.id })) };
      }),
    );
    const opened = res.data!._entities.flatMap((e) => e.open);
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.length).toBeLessThan(res.data!._entities.flatMap((e) => e.all).length);
    const reads = sqlSince(mark).filter((sql) => sql.includes('FROM referrals.referral r'));
    // Open statuses only: the read whose literal list is the open referrals' index condition; every status: the general read.
    expect(reads).toEqual([
      expect.stringContaining("r.status IN ('SENT', 'ACCEPTED', 'WAITLISTED', 'IN_PROGRESS') AND r.status = ANY($2::text[])"),
      expect.stringContaining('r.status = ANY($2::text[])'),
    ]);
    expect(reads[1]).not.toContain('r.status IN (');
  });

  it("gives a supervisor the referrals of every client of the agency, jordan's included", async () => {
    const target = jordansReferrals[0];
    const res = await postGraphQL<ClientReferrals>(t.url, CLIENT_REFERRALS, { r: clientReps([target.clientId]) }, as(sam));
    expect(res.data!._entities[0].referrals!.map((r) => r.id)).toEqual(referralsOf(target.clientId).map((r) => r.id));
    expect(res.data!._entities[0].referrals!.map((r) => r.id)).toContain(target.id);
  });
});

describe('referrals subgraph: what a case manager must be denied', () => {
  it("gives casey null and a DENIED audit event for jordan's client, even under a grant that reads referral details", async () => {
    const target = jordansReferrals[0];
    clients.overrides.set(target.clientId, { read: ['CONTACT_INFO', 'REFERRAL_DETAILS'], write: false });
    const before = await auditCount();
    const res = await postGraphQL<ClientReferrals>(t.url, CLIENT_REFERRALS, { r: clientReps([target.clientId]) }, as(casey));
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([{ id: target.clientId, referrals: null }]);
    expect(await auditCount()).toBe(before + 1);
    expect(await lastAudit()).toEqual([
      { action: 'READ', outcome: 'DENIED', entity_type: 'Referral', entity_id: null, client_id: target.clientId, actor_id: casey.id },
    ]);
  });

  it("answers referral(id) with FORBIDDEN for jordan's referral, null for an unknown one, BAD_USER_INPUT for a bad id", async () => {
    const forbidden = await postGraphQL(
      t.url,
      'query($id: ID!) { referral(id: $id) { id need } }',
      { id: jordansReferrals[0].id },
      as(casey),
    );
    expect(errorCodes(forbidden)).toEqual(['FORBIDDEN']);
    expect(forbidden.data).toEqual({ referral: null });
    expect((await lastAudit())[0]).toMatchObject({ outcome: 'DENIED', entity_id: jordansReferrals[0].id });

    const unknown = await postGraphQL(t.url, 'query($id: ID!) { referral(id: $id) { id } }', { id: UNKNOWN }, as(casey));
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data).toEqual({ referral: null });

    const bad = await postGraphQL(t.url, '{ referral(id: "nope") { id } }', {}, as(casey));
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.field).toBe('id');
  });

  it('answers referral(id) with the whole referral for its case manager, and audits the read', async () => {
    const r = caseysReferrals.find((x) => x.status === 'DECLINED') as SeededReferral;
    const res = await postGraphQL(
      t.url,
      `query($id: ID!) { referral(id: $id) { id client { id } service { id } referredBy { id } goal { id } need paidByContract urgency
         status createdAt sentAt respondBy declineReason outcome followUpAt history { status at actor { id } note } } }`,
      { id: r.id },
      as(casey),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      referral: {
        id: r.id,
        client: { id: r.clientId },
        service: { id: r.serviceId },
        referredBy: { id: casey.id },
        goal: null,
        need: r.need,
        paidByContract: false,
        urgency: r.urgency,
        status: 'DECLINED',
        createdAt: r.createdAt.toISOString(),
        sentAt: r.sentAt!.toISOString(),
        respondBy: r.respondBy!.toISOString(),
        declineReason: r.declineReason,
        outcome: null,
        followUpAt: null,
        history: r.events.map((e) => ({
          status: e.status,
          at: e.at.toISOString(),
          actor: e.actorId ? { id: e.actorId } : null,
          note: e.note,
        })),
      },
    });
    expect((await lastAudit())[0]).toMatchObject({
      action: 'READ',
      outcome: 'ALLOWED',
      entity_type: 'Referral',
      entity_id: r.id,
      client_id: r.clientId,
    });
  });

  it('fails closed with UNAVAILABLE when the clients subgraph cannot be asked, and recovers when it answers again', async () => {
    const r = caseysReferrals[0];
    clients.down = true;
    const single = await postGraphQL(t.url, 'query($id: ID!) { referral(id: $id) { id } }', { id: r.id }, as(casey));
    expect(errorCodes(single)).toEqual(['UNAVAILABLE']);
    expect(single.data).toEqual({ referral: null });
    const list = await postGraphQL<ClientReferrals>(t.url, CLIENT_REFERRALS, { r: clientReps([r.clientId]) }, as(casey));
    expect(errorCodes(list)).toEqual(['UNAVAILABLE']);
    expect(list.data!._entities).toEqual([{ id: r.clientId, referrals: null }]);

    clients.down = false;
    const again = await postGraphQL(t.url, 'query($id: ID!) { referral(id: $id) { id } }', { id: r.id }, as(casey));
    expect(again.data).toEqual({ referral: { id: r.id } });
  });
});

describe('referrals subgraph: partners', () => {
  const northside = seeded.filter((r) => r.organizationId === NORTHSIDE_ID && r.sentAt !== null);
  const eastside = seeded.filter((r) => r.organizationId === EASTSIDE_ID);
  const northsideDraft = seeded.find((r) => r.organizationId === NORTHSIDE_ID && r.status === 'DRAFT');

  it('lets pat see the referrals sent to Northside and none of Eastside, asking the clients subgraph once per request for their consents', async () => {
    expect(northside.length).toBeGreaterThan(0);
    expect(eastside.length).toBeGreaterThan(0);
    const calls = clients.calls;
    const all = seeded.map((r) => r.id);
    const refs = await postGraphQL<{ _entities: Array<{ id: string } | null> }>(
      t.url,
      ENTITIES_REFERRAL,
      { r: referralReps(all) },
      as(pat),
    );
    expect(
      refs
        .data!._entities.filter((e) => e !== null)
        .map((e) => e!.id)
        .sort(),
    ).toEqual(northside.map((r) => r.id).sort());

    const clientIds = [...new Set(seeded.map((r) => r.clientId))];
    const lists = await postGraphQL<ClientReferrals>(t.url, CLIENT_REFERRALS, { r: clientReps(clientIds) }, as(pat));
    expect(lists.errors).toBeUndefined();
    const seen = lists.data!._entities.flatMap((e) => e.referrals ?? []).map((r) => r.id);
    expect(seen.sort()).toEqual(northside.map((r) => r.id).sort());

    expect(clients.calls - calls).toBe(2);

    const other = await postGraphQL(t.url, 'query($id: ID!) { referral(id: $id) { id } }', { id: eastside[0].id }, as(pat));
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
    expect(clients.calls - calls).toBe(2);
  });

  it('hides a draft from the organization it is addressed to until it is sent', async () => {
    expect(northsideDraft).toBeDefined();
    const res = await postGraphQL(t.url, 'query($id: ID!) { referral(id: $id) { id } }', { id: northsideDraft!.id }, as(pat));
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
  });
});

describe('referrals subgraph: analysts and admins', () => {
  it('gives an analyst no referral and no client list, with DENIED audit events', async () => {
    const r = caseysReferrals[0];
    const calls = clients.calls;
    const one = await postGraphQL(t.url, 'query($id: ID!) { referral(id: $id) { id } }', { id: r.id }, as(alex));
    expect(errorCodes(one)).toEqual(['FORBIDDEN']);
    const before = await auditCount();
    const list = await postGraphQL<ClientReferrals>(t.url, CLIENT_REFERRALS, { r: clientReps([r.clientId]) }, as(alex));
    expect(list.data!._entities).toEqual([{ id: r.clientId, referrals: null }]);
    expect(await lastAudit((await auditCount()) - before)).toEqual([
      { action: 'READ', outcome: 'DENIED', entity_type: 'Referral', entity_id: null, client_id: r.clientId, actor_id: alex.id },
    ]);
    expect(clients.calls).toBe(calls);
  });
});
