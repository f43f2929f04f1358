/**
 * Closure approval on a real database: the agency setting, the case
 * manager's closeCase refused while it is on, requestClosure / decideClosure /
 * withdrawClosureRequest with their refusals (nothing changes on any), an
 * approval closing the case exactly as closeCase does, the outbox events the
 * notifications subgraph reads, and the supervisors' queue. The tests share
 * one database and run in order; where one takes a request made by another,
 * it says so.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '@caseflow/auth';
import { HARBOUR_ID, NORTHSIDE_ID } from '@caseflow/demo';
import { errorCodes, type GraphQLResponse, internalHeaders, postGraphQL } from '@caseflow/testing';
import { startClientsTestbed, type ClientsTestbed, type StaffKey } from '../testing/testbed';

let tb: ClientsTestbed;
/** A second supervisor of Harbour, and a supervisor of another agency (Northside). */
const quinn: Actor = { staffId: randomUUID(), role: 'SUPERVISOR', organizationId: HARBOUR_ID };
const noor: Actor = { staffId: randomUUID(), role: 'SUPERVISOR', organizationId: NORTHSIDE_ID };
let open: string[] = [];

beforeAll(async () => {
  tb = await startClientsTestbed();
  for (const [who, name] of [
    [quinn, 'Quinn Harbour'],
    [noor, 'Noor Northside'],
  ] as const) {
    await tb.sql(`INSERT INTO clients.staff_member (id, email, display_name, role, organization_id) VALUES ($1, $2, $3, $4, $5)`, [
      who.staffId,
      `${who.staffId}@test.caseflow`,
      name,
      who.role,
      who.organizationId,
    ]);
  }
  open = (
    await tb.sql<{ id: string }>(
      `SELECT id FROM clients.client WHERE assigned_case_manager_id = $1 AND status <> 'CLOSED' ORDER BY id LIMIT 10`,
      [tb.staff('casey').id],
    )
  ).map((r) => r.id);
  expect(open.length).toBe(10);
});
afterAll(() => tb?.stop());

type Who = StaffKey | Actor;
function as<T = Record<string, unknown>>(who: Who, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  if (typeof who === 'string') return tb.as<T>(who, query, variables);
  return postGraphQL<T>(tb.t.url, query, variables, internalHeaders(who, tb.t.secret));
}
const id = (key: StaffKey) => tb.staff(key).id;

const REQUEST_FIELDS = `id status outcome nextSteps rationale requestedAt decidedAt decisionNote
  requestedBy { id } decidedBy { id } client { id status }`;
const REQUEST = `mutation($input: RequestClosureInput!) { requestClosure(input: $input) { ${REQUEST_FIELDS} } }`;
const DECIDE = `mutation($id: ID!, $decision: ApprovalDecision!, $note: String) {
  decideClosure(requestId: $id, decision: $decision, note: $note) { ${REQUEST_FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawClosureRequest(requestId: $id) { ${REQUEST_FIELDS} } }`;
const CLOSE = `mutation($input: CloseCaseInput!) { closeCase(input: $input) { id status closure { outcome nextSteps closedBy { id } } } }`;
const CLIENT = `query($id: ID!) { client(id: $id) { id status closureRequest { ${REQUEST_FIELDS} } } }`;
const SET = `mutation($org: ID!, $required: Boolean!) { setClosureNeedsApproval(organizationId: $org, required: $required) { id closureNeedsApproval timeZone } }`;
const ORG = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id closureNeedsApproval timeZone } } }`;
const QUEUE = `query($status: [ApprovalStatus!], $first: Int, $after: String) {
  closureRequests(status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status client { id } } } } }`;

type Req = {
  id: string;
  status: string;
  outcome: string;
  nextSteps: string | null;
  rationale: string;
  requestedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
  requestedBy: { id: string };
  decidedBy: { id: string } | null;
  client: { id: string; status: string } | null;
};
type Queue = {
  closureRequests: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: { id: string; status: string; client: { id: string } | null } }>;
  };
};

/** Everything a refusal must leave alone. */
async function snapshot() {
  return {
    requests: await tb.sql('SELECT * FROM clients.closure_request ORDER BY id'),
    clients: await tb.sql('SELECT id, status, next_follow_up_at FROM clients.client ORDER BY id'),
    caseEvents: await tb.count('case_event'),
    outbox: await tb.count('outbox_event'),
    settings: await tb.sql('SELECT * FROM clients.organization_setting ORDER BY organization_id'),
    changes: await tb.count('audit_event', `outcome = 'ALLOWED' AND action <> 'READ' AND action <> 'SEARCH'`),
  };
}
const denials = (entityType: string) => tb.count('audit_event', `entity_type = $1 AND outcome = 'DENIED'`, [entityType]);

/** A refusal: the code (and field), no data, and nothing changed. */
async function refused(who: Who, query: string, variables: Record<string, unknown>, code: string, field?: string) {
  const before = await snapshot();
  const res = await as(who, query, variables);
  expect(errorCodes(res)).toEqual([code]);
  if (field) expect(res.errors![0].extensions!.field).toBe(field);
  expect(res.data).toBeNull();
  expect(await snapshot()).toEqual(before);
  return res;
}

const outboxMark = async () =>
  Number((await tb.sql<{ n: string }>('SELECT coalesce(max(position), 0) AS n FROM clients.outbox_event'))[0].n);
const eventsSince = (mark: number) =>
  tb.sql<{ type: string; aggregate_type: string; aggregate_id: string; organization_id: string; payload: Record<string, unknown> }>(
    `SELECT type, aggregate_type, aggregate_id, organization_id, payload FROM clients.outbox_event
      WHERE position > $1 AND type NOT LIKE 'client.priority%' ORDER BY position`,
    [mark],
  );

async function request(who: Who, clientId: string, extra: Record<string, unknown> = {}): Promise<Req> {
  const res = await as<{ requestClosure: Req }>(who, REQUEST, {
    input: { clientId, outcome: 'EMPLOYED', rationale: 'Started full-time work and needs no more support.', ...extra },
  });
  expect(res.errors).toBeUndefined();
  return res.data!.requestClosure;
}

describe('the agency setting closureNeedsApproval', () => {
  it('is false until set; the agency’s supervisors and admins set it, audited and announced; others are refused', async () => {
    const read = await as<{ _entities: unknown[] }>('casey', ORG, {
      r: [
        { __typename: 'Organization', id: HARBOUR_ID },
        { __typename: 'Organization', id: NORTHSIDE_ID },
      ],
    });
    expect(read.data!._entities).toEqual([
      { id: HARBOUR_ID, closureNeedsApproval: false, timeZone: expect.any(String) },
      { id: NORTHSIDE_ID, closureNeedsApproval: false, timeZone: null },
    ]);

    const deniedBefore = await denials('Organization');
    await refused('casey', SET, { org: HARBOUR_ID, required: true }, 'FORBIDDEN');
    await refused(noor, SET, { org: HARBOUR_ID, required: true }, 'FORBIDDEN');
    await refused('alex', SET, { org: HARBOUR_ID, required: true }, 'FORBIDDEN');
    expect(await denials('Organization')).toBe(deniedBefore + 3);
    await refused('sam', SET, { org: 'harbour', required: true }, 'BAD_USER_INPUT', 'organizationId');
    const unknown = randomUUID();
    await refused({ staffId: randomUUID(), role: 'ADMIN', organizationId: unknown }, SET, { org: unknown, required: true }, 'NOT_FOUND');

    const mark = await outboxMark();
    const zone = (
      await tb.sql<{ time_zone: string }>('SELECT time_zone FROM clients.organization_setting WHERE organization_id = $1', [HARBOUR_ID])
    )[0].time_zone;
    const set = await as<{ setClosureNeedsApproval: unknown }>('sam', SET, { org: HARBOUR_ID, required: true });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setClosureNeedsApproval).toEqual({ id: HARBOUR_ID, closureNeedsApproval: true, timeZone: zone });
    // An agency with no time zone gets a settings row for this setting alone; it still works in UTC (timeZone null).
    const other = await as<{ setClosureNeedsApproval: unknown }>(noor, SET, { org: NORTHSIDE_ID, required: true });
    expect(other.data!.setClosureNeedsApproval).toEqual({ id: NORTHSIDE_ID, closureNeedsApproval: true, timeZone: null });
    const off = await as<{ setClosureNeedsApproval: unknown }>(noor, SET, { org: NORTHSIDE_ID, required: false });
    expect(off.data!.setClosureNeedsApproval).toEqual({ id: NORTHSIDE_ID, closureNeedsApproval: false, timeZone: null });
    expect(
      await tb.sql(
        'SELECT organization_id, time_zone, closure_needs_approval, updated_by FROM clients.organization_setting ORDER BY organization_id',
        [],
      ),
    ).toEqual(
      expect.arrayContaining([
        { organization_id: HARBOUR_ID, time_zone: zone, closure_needs_approval: true, updated_by: id('sam') },
        { organization_id: NORTHSIDE_ID, time_zone: null, closure_needs_approval: false, updated_by: noor.staffId },
      ]),
    );
    expect(await eventsSince(mark)).toEqual(
      [
        [HARBOUR_ID, true],
        [NORTHSIDE_ID, true],
        [NORTHSIDE_ID, false],
      ].map(([org, required]) => ({
        type: 'organization.closure_approval_set',
        aggregate_type: 'Organization',
        aggregate_id: org,
        organization_id: org,
        payload: { organizationId: org, closureNeedsApproval: required },
      })),
    );
    expect(await tb.count('audit_event', `entity_type = 'Organization' AND detail = 'closureNeedsApproval' AND outcome = 'ALLOWED'`)).toBe(
      3,
    );
  });
});

describe('closeCase while closures need approval', () => {
  it('is FORBIDDEN to a case manager (saying to request closure) and changes nothing; a supervisor still closes directly', async () => {
    const on = await as('sam', SET, { org: HARBOUR_ID, required: true });
    expect(on.errors).toBeUndefined();
    const deniedBefore = await denials('Client');
    const res = await refused('casey', CLOSE, { input: { clientId: open[9], outcome: 'GOALS_MET' } }, 'FORBIDDEN');
    expect(res.errors![0].message).toMatch(/requestClosure/);
    expect(await denials('Client')).toBe(deniedBefore + 1);

    const direct = await as<{ closeCase: { status: string; closure: unknown } }>('sam', CLOSE, {
      input: { clientId: open[9], outcome: 'GOALS_MET' },
    });
    expect(direct.errors).toBeUndefined();
    expect(direct.data!.closeCase.status).toBe('CLOSED');
    expect(direct.data!.closeCase.closure).toEqual({ outcome: 'GOALS_MET', nextSteps: null, closedBy: { id: id('sam') } });
  });
});

describe('requestClosure', () => {
  it('records a PENDING request by a case manager with access, announces it, and shows it on the client; a second is CONFLICT', async () => {
    const mark = await outboxMark();
    const made = await request('casey', open[0], { nextSteps: 'Check in after three months.' });
    expect(made).toEqual({
      id: expect.any(String),
      status: 'PENDING',
      outcome: 'EMPLOYED',
      nextSteps: 'Check in after three months.',
      rationale: 'Started full-time work and needs no more support.',
      requestedAt: expect.any(String),
      decidedAt: null,
      decisionNote: null,
      requestedBy: { id: id('casey') },
      decidedBy: null,
      client: { id: open[0], status: expect.not.stringMatching('CLOSED') },
    });
    expect(await eventsSince(mark)).toEqual([
      {
        type: 'closure.requested',
        aggregate_type: 'ClosureRequest',
        aggregate_id: made.id,
        organization_id: HARBOUR_ID,
        payload: { clientId: open[0], organizationId: HARBOUR_ID, requestId: made.id, requestedById: id('casey') },
      },
    ]);
    expect(
      await tb.count('audit_event', `entity_type = 'ClosureRequest' AND action = 'CREATE' AND entity_id = $1 AND client_id = $2`, [
        made.id,
        open[0],
      ]),
    ).toBe(1);

    const shown = await as<{ client: { closureRequest: Req } }>('casey', CLIENT, { id: open[0] });
    expect(shown.data!.client.closureRequest).toEqual(made);
    expect(
      await tb.count('audit_event', `entity_type = 'ClosureRequest' AND action = 'READ' AND entity_id = $1`, [made.id]),
    ).toBeGreaterThan(0);

    // A partner reading the client under a consent does not get the request: it is part of the case record.
    const consent = await tb.sql(
      `INSERT INTO clients.consent (client_id, recipient_organization_id, scope, purpose, signed_at, expires_at, recorded_by)
       VALUES ($1, $2, '{CONTACT_INFO}', 'Food bank referral', now() - interval '1 day', now() + interval '30 days', $3) RETURNING id`,
      [open[0], NORTHSIDE_ID, id('casey')],
    );
    expect(consent).toHaveLength(1);
    const partner = await as<{ client: unknown }>('pat', `query($id: ID!) { client(id: $id) { id closureRequest { id } } }`, {
      id: open[0],
    });
    expect(errorCodes(partner)).toEqual(['FORBIDDEN']);
    expect(partner.errors![0].path).toEqual(['client', 'closureRequest']);
    const stranger = await as('jordan', CLIENT, { id: open[0] });
    expect(errorCodes(stranger)).toEqual(['FORBIDDEN']);
    expect(stranger.data).toEqual({ client: null });

    const again = await refused('sam', REQUEST, { input: { clientId: open[0], outcome: 'MOVED', rationale: 'Moved away.' } }, 'CONFLICT');
    expect(again.errors![0].extensions!.field).toBe('input.clientId');
  });

  it('is refused to whoever has no access to the case, for a closed case, and for bad input naming the field', async () => {
    const input = { clientId: open[1], outcome: 'EMPLOYED', rationale: 'Working now.' };
    const deniedBefore = await denials('ClosureRequest');
    await refused('jordan', REQUEST, { input }, 'FORBIDDEN');
    await refused('alex', REQUEST, { input }, 'FORBIDDEN');
    await refused('pat', REQUEST, { input }, 'FORBIDDEN');
    await refused(noor, REQUEST, { input }, 'FORBIDDEN');
    expect(await denials('ClosureRequest')).toBe(deniedBefore + 4);
    await refused('casey', REQUEST, { input: { ...input, clientId: randomUUID() } }, 'NOT_FOUND');
    await refused('sam', REQUEST, { input: { ...input, clientId: open[9] } }, 'INVALID_TRANSITION');

    await refused('casey', REQUEST, { input: { ...input, clientId: 'client-1' } }, 'BAD_USER_INPUT', 'input.clientId');
    await refused('casey', REQUEST, { input: { ...input, rationale: '   ' } }, 'BAD_USER_INPUT', 'input.rationale');
    await refused('casey', REQUEST, { input: { ...input, rationale: 'x'.repeat(2001) } }, 'BAD_USER_INPUT', 'input.rationale');
    await refused('casey', REQUEST, { input: { ...input, nextSteps: 'x'.repeat(5001) } }, 'BAD_USER_INPUT', 'input.nextSteps');
    const badOutcome = await as('casey', REQUEST, { input: { ...input, outcome: 'RETIRED' } });
    expect(errorCodes(badOutcome)).toEqual(['BAD_USER_INPUT']);
    expect(await tb.count('closure_request', 'client_id = $1', [open[1]])).toBe(0);
  });
});

describe('decideClosure', () => {
  it('is refused to a case manager, to another agency’s supervisor and to the requester — even a supervisor; nothing changes', async () => {
    const byCasey = await request('casey', open[1]);
    const deniedBefore = await denials('ClosureRequest');
    await refused('casey', DECIDE, { id: byCasey.id, decision: 'APPROVE' }, 'FORBIDDEN');
    await refused('jordan', DECIDE, { id: byCasey.id, decision: 'APPROVE' }, 'FORBIDDEN');
    await refused(noor, DECIDE, { id: byCasey.id, decision: 'APPROVE' }, 'FORBIDDEN');
    await refused('admin', DECIDE, { id: byCasey.id, decision: 'REJECT' }, 'FORBIDDEN');

    const bySam = await request('sam', open[2], { outcome: 'MOVED' });
    const self = await refused('sam', DECIDE, { id: bySam.id, decision: 'APPROVE' }, 'FORBIDDEN');
    expect(self.errors![0].message).toMatch(/other than its requester/);
    expect(await denials('ClosureRequest')).toBe(deniedBefore + 5);

    await refused('sam', DECIDE, { id: 'request-1', decision: 'APPROVE' }, 'BAD_USER_INPUT', 'requestId');
    await refused('sam', DECIDE, { id: byCasey.id, decision: 'APPROVE', note: 'x'.repeat(2001) }, 'BAD_USER_INPUT', 'note');
    await refused('sam', DECIDE, { id: randomUUID(), decision: 'APPROVE' }, 'NOT_FOUND');
    const badDecision = await as('sam', DECIDE, { id: byCasey.id, decision: 'MAYBE' });
    expect(errorCodes(badDecision)).toEqual(['BAD_USER_INPUT']);

    // Another supervisor of the agency approves the supervisor's own request.
    const approved = await as<{ decideClosure: Req }>(quinn, DECIDE, { id: bySam.id, decision: 'APPROVE' });
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.decideClosure).toMatchObject({
      status: 'APPROVED',
      decidedBy: { id: quinn.staffId },
      client: { id: open[2], status: 'CLOSED' },
    });
  });

  it('a rejected request leaves the case open, is announced to the requester, and a new request may follow', async () => {
    // Casey's request on open[1], which the test above was refused to decide.
    const before = (await tb.sql<{ status: string }>('SELECT status FROM clients.client WHERE id = $1', [open[1]]))[0].status;
    const caseEvents = await tb.count('case_event', 'client_id = $1', [open[1]]);
    const [pending] = await tb.sql<{ id: string }>(`SELECT id FROM clients.closure_request WHERE client_id = $1 AND status = 'PENDING'`, [
      open[1],
    ]);
    const mark = await outboxMark();
    const res = await as<{ decideClosure: Req }>('sam', DECIDE, {
      id: pending.id,
      decision: 'REJECT',
      note: 'Keep open until the job is confirmed.',
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.decideClosure).toMatchObject({
      status: 'REJECTED',
      decidedBy: { id: id('sam') },
      decidedAt: expect.any(String),
      decisionNote: 'Keep open until the job is confirmed.',
      client: { id: open[1], status: before },
    });
    expect((await tb.sql<{ status: string }>('SELECT status FROM clients.client WHERE id = $1', [open[1]]))[0].status).toBe(before);
    expect(await tb.count('case_event', 'client_id = $1', [open[1]])).toBe(caseEvents);
    expect(await eventsSince(mark)).toEqual([
      {
        type: 'closure.decided',
        aggregate_type: 'ClosureRequest',
        aggregate_id: pending.id,
        organization_id: HARBOUR_ID,
        payload: { clientId: open[1], organizationId: HARBOUR_ID, requestId: pending.id, requestedById: id('casey'), approved: false },
      },
    ]);
    // Decided: no second decision.
    await refused('sam', DECIDE, { id: pending.id, decision: 'APPROVE' }, 'CONFLICT');
    const next = await request('casey', open[1]);
    expect(next.status).toBe('PENDING');
  });

  it('approval closes the case exactly as closeCase does, and the request shows who decided, when and why', async () => {
    const [a, b] = [open[3], open[4]];
    const input = { outcome: 'REFERRED_ELSEWHERE', nextSteps: 'Housing support at Eastside.' };
    const req = await request('casey', a, { ...input, rationale: 'Needs housing help rather than employment support.' });
    const mark = await outboxMark();
    const decided = await as<{ decideClosure: Req }>('sam', DECIDE, { id: req.id, decision: 'APPROVE', note: 'Agreed.' });
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decideClosure).toEqual({
      ...req,
      status: 'APPROVED',
      decidedAt: expect.any(String),
      decisionNote: 'Agreed.',
      decidedBy: { id: id('sam') },
      client: { id: a, status: 'CLOSED' },
    });
    const decidedAt = new Date(decided.data!.decideClosure.decidedAt!).getTime();
    expect(decidedAt).toBeGreaterThanOrEqual(new Date(req.requestedAt).getTime());
    const closureEvents = (await eventsSince(mark)).filter((e) => e.type.startsWith('closure.'));
    expect(closureEvents).toEqual([
      {
        type: 'closure.decided',
        aggregate_type: 'ClosureRequest',
        aggregate_id: req.id,
        organization_id: HARBOUR_ID,
        payload: { clientId: a, organizationId: HARBOUR_ID, requestId: req.id, requestedById: id('casey'), approved: true },
      },
    ]);

    // The same close by closeCase (a supervisor, directly) on a like case.
    const direct = await as('sam', CLOSE, { input: { clientId: b, ...input } });
    expect(direct.errors).toBeUndefined();
    const closedEvent = (clientId: string) =>
      tb.sql(
        `SELECT kind, from_status IS NOT NULL AS has_from, to_status, actor_id, outcome, note, program IS NOT DISTINCT FROM (
            SELECT program FROM clients.eligibility_determination WHERE client_id = $1 ORDER BY determined_at DESC LIMIT 1) AS latest_program
           FROM clients.case_event WHERE client_id = $1 AND kind = 'CLOSED'`,
        [clientId],
      );
    expect(await closedEvent(a)).toEqual(await closedEvent(b));
    expect(await closedEvent(a)).toEqual([
      {
        kind: 'CLOSED',
        has_from: true,
        to_status: 'CLOSED',
        actor_id: id('sam'),
        outcome: 'REFERRED_ELSEWHERE',
        note: input.nextSteps,
        latest_program: true,
      },
    ]);
    const row = (clientId: string) => tb.sql('SELECT status, next_follow_up_at FROM clients.client WHERE id = $1', [clientId]);
    expect(await row(a)).toEqual([{ status: 'CLOSED', next_follow_up_at: null }]);
    expect(await row(a)).toEqual(await row(b));
    const statusAudits = (clientId: string) =>
      tb.count(
        'audit_event',
        `entity_type = 'Client' AND entity_id = $1 AND action = 'UPDATE' AND detail = 'status' AND outcome = 'ALLOWED'`,
        [clientId],
      );
    expect(await statusAudits(a)).toBe(1);
    expect(await statusAudits(b)).toBe(1);

    const shown = await as<{ client: { status: string; closureRequest: Req } }>('casey', CLIENT, { id: a });
    expect(shown.data!.client.closureRequest).toEqual(decided.data!.decideClosure);
  });
});

describe('withdrawClosureRequest', () => {
  it('only the requester withdraws, only while PENDING; a withdrawn request cannot be decided; nothing is announced', async () => {
    const req = await request('casey', open[5]);
    await refused('jordan', WITHDRAW, { id: req.id }, 'FORBIDDEN');
    await refused('sam', WITHDRAW, { id: req.id }, 'FORBIDDEN');
    await refused('casey', WITHDRAW, { id: 'nope' }, 'BAD_USER_INPUT', 'requestId');
    const mark = await outboxMark();
    const res = await as<{ withdrawClosureRequest: Req }>('casey', WITHDRAW, { id: req.id });
    expect(res.errors).toBeUndefined();
    expect(res.data!.withdrawClosureRequest).toEqual({ ...req, status: 'WITHDRAWN' });
    expect(await eventsSince(mark)).toEqual([]);
    expect(await tb.count('audit_event', `entity_type = 'ClosureRequest' AND entity_id = $1 AND detail = 'withdrawn'`, [req.id])).toBe(1);

    await refused('sam', DECIDE, { id: req.id, decision: 'APPROVE' }, 'CONFLICT');
    await refused('sam', DECIDE, { id: req.id, decision: 'REJECT' }, 'CONFLICT');
    await refused('casey', WITHDRAW, { id: req.id }, 'CONFLICT');
    expect((await tb.sql<{ status: string }>('SELECT status FROM clients.client WHERE id = $1', [open[5]]))[0].status).not.toBe('CLOSED');
  });
});

describe('the supervisors’ queue closureRequests', () => {
  it('lists the agency’s requests pending first, oldest first, in keyset pages with totalCount; others are FORBIDDEN', async () => {
    // The agency's requests are those the tests above made (pending, decided and withdrawn), and two more pending.
    const more = [await request('casey', open[6]), await request('casey', open[7])];
    const pending = await tb.sql<{ id: string }>(
      `SELECT id FROM clients.closure_request WHERE organization_id = $1 AND status = 'PENDING' ORDER BY requested_at, id`,
      [HARBOUR_ID],
    );
    expect(pending.map((p) => p.id)).toEqual(expect.arrayContaining(more.map((m) => m.id)));
    const all = await tb.sql<{ id: string }>(
      `SELECT id FROM clients.closure_request WHERE organization_id = $1 ORDER BY status <> 'PENDING', requested_at, id`,
      [HARBOUR_ID],
    );

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: GraphQLResponse<Queue> = await as<Queue>('sam', QUEUE, { status: ['PENDING'], first: 2, after });
      expect(res.errors).toBeUndefined();
      const page = res.data!.closureRequests;
      expect(page.totalCount).toBe(pending.length);
      expect(page.edges.length).toBeLessThanOrEqual(2);
      for (const e of page.edges) expect(e.node.status).toBe('PENDING');
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(pending.map((p) => p.id));

    const everything = await as<Queue>(quinn, QUEUE, { first: 100 });
    expect(everything.data!.closureRequests.totalCount).toBe(all.length);
    expect(everything.data!.closureRequests.edges.map((e) => e.node.id)).toEqual(all.map((r) => r.id));
    expect(everything.data!.closureRequests.edges[0].node.client).toEqual({ id: expect.any(String) });
    const decided = await as<Queue>('sam', QUEUE, { status: ['APPROVED', 'REJECTED'] });
    expect(decided.data!.closureRequests.edges.map((e) => e.node.status).sort()).toEqual(['APPROVED', 'APPROVED', 'REJECTED']);

    // Another agency's supervisor sees their own (none).
    const theirs = await as<Queue>(noor, QUEUE, {});
    expect(theirs.data!.closureRequests).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });

    const deniedBefore = await denials('ClosureRequest');
    for (const who of ['casey', 'alex', 'admin', 'pat'] as const) await refused(who, QUEUE, {}, 'FORBIDDEN');
    expect(await denials('ClosureRequest')).toBe(deniedBefore + 4);
    await refused('sam', QUEUE, { after: 'not-a-cursor' }, 'BAD_USER_INPUT', 'after');
    await refused('sam', QUEUE, { first: -1 }, 'BAD_USER_INPUT', 'first');
  });

  it('the queue is read by an index on (agency, status, requested_at)', async () => {
    const indexes = await tb.sql<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE schemaname = 'clients' AND tablename = 'closure_request'`,
    );
    expect(indexes.map((i) => i.indexdef).join('\n')).toMatch(
      /closure_request_queue ON clients\.closure_request USING btree \(organization_id, status, requested_at, id\)/,
    );
  });
});
