/** The audit trail as a whole: every subgraph records, a supervisor reads one client's trail across them, nobody edits it. */
import { errorCodes } from '@caseflow/testing';
import { startTestStack, type TestStack } from './harness';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const TRAIL = `query($id: ID!, $first: Int, $after: String) { clientAuditTrail(clientId: $id, first: $first, after: $after) {
  pageInfo { hasNextPage endCursor } edges { node { at source actorId actorRole action entityType entityId outcome detail requestId } } } }`;
type Trail = {
  clientAuditTrail: {
    pageInfo: { hasNextPage: boolean; endCursor: string };
    edges: Array<{
      node: { at: string; source: string; actorRole: string; action: string; entityType: string; outcome: string; detail: string | null };
    }>;
  };
};

describe("a client's audit trail", () => {
  it('gathers reads, writes and denials from clients, plans and referrals, newest first, page by page', async () => {
    const client = stack.world.clients.find(
      (c) =>
        c.caseManagerId === stack.staff('casey').id &&
        stack.world.referrals.some((r) => r.clientId === c.id) &&
        stack.world.plans.some((p) => p.clientId === c.id),
    )!;
    const read = await stack.as('casey', `query($id: ID!) { client(id: $id) { displayName actionPlans { id } referrals { id } } }`, {
      id: client.id,
    });
    expect(read.errors).toBeUndefined();
    expect(errorCodes(await stack.as('jordan', `query($id: ID!) { client(id: $id) { id } }`, { id: client.id }))).toEqual(['FORBIDDEN']);
    await stack.as('casey', `mutation($input: AddCaseNoteInput!) { addCaseNote(input: $input) { id } }`, {
      input: {
        clientId: client.id,
        occurredAt: new Date().toISOString(),
        contactType: 'PHONE',
        body: 'Private details that must never reach the audit trail.',
      },
    });

    const all: Trail['clientAuditTrail']['edges'][number]['node'][] = [];
    let after: string | null = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof stack.as<Trail>>> = await stack.as<Trail>('sam', TRAIL, { id: client.id, first: 3, after });
      expect(page.errors).toBeUndefined();
      all.push(...page.data!.clientAuditTrail.edges.map((e) => e.node));
      if (!page.data!.clientAuditTrail.pageInfo.hasNextPage) break;
      after = page.data!.clientAuditTrail.pageInfo.endCursor;
    }
    // Reading the trail is itself recorded (newest of all); those events aside, paging saw exactly the whole trail.
    const whole = await stack.as<Trail>('sam', TRAIL, { id: client.id, first: 100 });
    const withoutTrailReads = (events: typeof all) => events.filter((e) => e.entityType !== 'AuditTrail');
    expect(withoutTrailReads(all)).toEqual(withoutTrailReads(whole.data!.clientAuditTrail.edges.map((e) => e.node)));
    expect(whole.data!.clientAuditTrail.edges.filter((e) => e.node.entityType === 'AuditTrail').length).toBeGreaterThan(0);
    expect(new Set(all.map((e) => e.source))).toEqual(new Set(['clients', 'plans', 'referrals']));
    const times = all.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(all).toContainEqual(
      expect.objectContaining({ source: 'clients', actorRole: 'CASE_MANAGER', action: 'READ', entityType: 'Client', outcome: 'DENIED' }),
    );
    expect(all).toContainEqual(
      expect.objectContaining({ source: 'clients', action: 'CREATE', entityType: 'CaseNote', outcome: 'ALLOWED' }),
    );
    expect(all).toContainEqual(expect.objectContaining({ source: 'plans', action: 'READ', outcome: 'ALLOWED' }));
    expect(all).toContainEqual(expect.objectContaining({ source: 'referrals', action: 'READ', outcome: 'ALLOWED' }));
    expect(JSON.stringify(all)).not.toContain('Private details');
  });

  it('is read by supervisors of the agency only, and the refusal is itself recorded', async () => {
    const client = stack.world.clients[0];
    for (const key of ['casey', 'pat', 'alex', 'admin'] as const) {
      expect({ key, codes: errorCodes(await stack.as(key, TRAIL, { id: client.id })) }).toEqual({ key, codes: ['FORBIDDEN'] });
    }
    const rows = await stack.sql(
      `SELECT actor_role FROM clients.audit_event WHERE entity_type = 'AuditTrail' AND outcome = 'DENIED' AND client_id = $1`,
      [client.id],
    );
    expect(rows).toHaveLength(4);
  });

  it('cannot be changed or removed in any subgraph, and no response carries it by accident', async () => {
    for (const schema of ['clients', 'plans', 'referrals']) {
      const before = await stack.sql(`SELECT count(*) AS n FROM ${schema}.audit_event`);
      await expect(stack.sql(`UPDATE ${schema}.audit_event SET outcome = 'ALLOWED'`)).rejects.toThrow(/append-only/);
      await expect(stack.sql(`DELETE FROM ${schema}.audit_event`)).rejects.toThrow(/append-only/);
      expect(await stack.sql(`SELECT count(*) AS n FROM ${schema}.audit_event`)).toEqual(before);
    }
    const res = await stack.as('casey', `{ myCaseload(first: 3) { edges { node { id } } } }`);
    expect(JSON.stringify(res)).not.toMatch(/audit/i);
  });
});
