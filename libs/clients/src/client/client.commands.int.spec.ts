import { addDays, localDay } from '@caseflow/core';
import { HARBOUR_TIME_ZONE } from '@caseflow/clients-seed';
import { errorCodes } from '@caseflow/testing';
import { startClientsTestbed, type ClientsTestbed } from '../testing/testbed';

let tb: ClientsTestbed;
beforeAll(async () => {
  tb = await startClientsTestbed();
});
afterAll(() => tb?.stop());

const OPEN = `mutation($input: OpenClientInput!) { openClient(input: $input) { id status displayName intakeDate assignedCaseManager { id }
  contactPreference { method phone voicemailAllowed } possibleDuplicates { id displayName } } }`;
const row = async (id: string) => (await tb.sql('SELECT * FROM clients.client WHERE id = $1', [id]))[0];
const caseyClient = () => tb.world.clients.find((c) => c.caseManagerId === tb.staff('casey').id && c.status === 'ACTIVE')!;
const jordanClient = () => tb.world.clients.find((c) => c.caseManagerId === tb.staff('jordan').id && c.status === 'ACTIVE')!;

/** Runs a mutation that must fail and checks the code, the field and that the client row and its history did not change. */
async function refused(
  key: 'casey' | 'jordan' | 'sam' | 'pat' | 'alex' | 'admin',
  query: string,
  variables: Record<string, unknown>,
  clientId: string,
  code: string,
  field?: string,
) {
  const before = await row(clientId);
  const events = await tb.count('case_event', 'client_id = $1', [clientId]);
  const res = await tb.as(key, query, variables);
  expect(errorCodes(res)).toEqual([code]);
  if (field) expect(res.errors![0].extensions!.field).toBe(field);
  expect(res.data).toBeNull();
  expect(await row(clientId)).toEqual(before);
  expect(await tb.count('case_event', 'client_id = $1', [clientId])).toBe(events);
}

describe('openClient', () => {
  it('opens a client in INTAKE assigned to the calling case manager, with history, audit and priority', async () => {
    const res = await tb.as<{
      openClient: { id: string; status: string; displayName: string; assignedCaseManager: { id: string }; contactPreference: unknown };
    }>('casey', OPEN, {
      input: {
        firstName: ' Marisol ',
        lastName: 'Quintero',
        preferredName: 'Mari',
        dateOfBirth: '1990-04-02',
        contactPreference: { method: 'TEXT', phone: '902-555-0199', voicemailAllowed: false },
      },
    });
    expect(res.errors).toBeUndefined();
    const opened = res.data!.openClient;
    expect(opened).toMatchObject({
      status: 'INTAKE',
      displayName: 'Mari Quintero',
      assignedCaseManager: { id: tb.staff('casey').id },
      contactPreference: { method: 'TEXT', phone: '902-555-0199', voicemailAllowed: false },
    });
    const stored = await row(opened.id);
    expect(stored).toMatchObject({
      first_name: 'Marisol',
      organization_id: tb.staff('casey').organizationId,
      status: 'INTAKE',
      folded_last: 'quintero',
    });
    expect(await tb.sql('SELECT kind, to_status FROM clients.case_event WHERE client_id = $1', [opened.id])).toEqual([
      { kind: 'OPENED', to_status: 'INTAKE' },
    ]);
    expect(await tb.count('audit_event', `client_id = $1 AND action = 'CREATE'`, [opened.id])).toBe(1);
    expect(stored.priority_computed_at).not.toBeNull();
  });

  it('returns the first client for a retried clientMutationId and creates nothing twice, even when retries race', async () => {
    const input = { firstName: 'Retry', lastName: 'Safe', clientMutationId: 'intake-7f3a' };
    const before = await tb.count('client');
    const results = await Promise.all([1, 2, 3].map(() => tb.as<{ openClient: { id: string } }>('casey', OPEN, { input })));
    const ids = new Set(results.map((r) => r.data!.openClient.id));
    expect(ids.size).toBe(1);
    expect(await tb.count('client')).toBe(before + 1);
  });

  it('lists likely duplicates: same agency and birth date, names folded and also swapped', async () => {
    const existing = tb.world.clients.find((c) => c.caseManagerId === tb.staff('jordan').id && c.dateOfBirth)!;
    const res = await tb.as<{ openClient: { possibleDuplicates: Array<{ id: string }> } }>('casey', OPEN, {
      input: { firstName: existing.lastName.toUpperCase(), lastName: existing.firstName, dateOfBirth: existing.dateOfBirth },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.openClient.possibleDuplicates.map((d) => d.id)).toContain(existing.id);
    const other = await tb.as<{ openClient: { possibleDuplicates: unknown[] } }>('casey', OPEN, {
      input: { firstName: existing.firstName, lastName: existing.lastName, dateOfBirth: '1901-01-01' },
    });
    expect(other.data!.openClient.possibleDuplicates).toEqual([]);
  });

  it("shows a duplicate of another case manager's client by name only, refusing its case fields", async () => {
    const existing = tb.world.clients.find((c) => c.caseManagerId === tb.staff('jordan').id && c.dateOfBirth)!;
    const res = await tb.as<{ openClient: { possibleDuplicates: Array<{ id: string; status: string | null }> } }>(
      'casey',
      `mutation($input: OpenClientInput!) { openClient(input: $input) { possibleDuplicates { id displayName status } } }`,
      { input: { firstName: existing.firstName, lastName: existing.lastName, dateOfBirth: existing.dateOfBirth } },
    );
    expect(errorCodes(res)).toContain('FORBIDDEN');
  });

  it.each([
    [{ firstName: '', lastName: 'X' }, 'input.firstName'],
    [{ firstName: 'A'.repeat(201), lastName: 'X' }, 'input.firstName'],
    [{ firstName: 'A', lastName: '   ' }, 'input.lastName'],
    [{ firstName: 'A', lastName: 'B', dateOfBirth: '2999-01-01' }, 'input.dateOfBirth'],
    [{ firstName: 'A', lastName: 'B', contactPreference: { method: 'EMAIL', voicemailAllowed: true } }, 'input.contactPreference.email'],
    [
      { firstName: 'A', lastName: 'B', contactPreference: { method: 'PHONE', phone: 'call me', voicemailAllowed: true } },
      'input.contactPreference.phone',
    ],
    [
      { firstName: 'A', lastName: 'B', contactPreference: { method: 'EMAIL', email: 'not-an-email', voicemailAllowed: true } },
      'input.contactPreference.email',
    ],
    [{ firstName: 'A', lastName: 'B', assignedCaseManagerId: 'nope' }, 'input.assignedCaseManagerId'],
  ])('refuses bad input %# naming the field, creating nothing', async (input, field) => {
    const before = await tb.count('client');
    const res = await tb.as('sam', OPEN, { input });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe(field);
    expect(await tb.count('client')).toBe(before);
  });

  it('refuses partners, analysts and admins, and a case manager assigning someone else', async () => {
    const before = await tb.count('client');
    for (const key of ['pat', 'alex', 'admin'] as const)
      expect(errorCodes(await tb.as(key, OPEN, { input: { firstName: 'A', lastName: 'B' } }))).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(await tb.as('casey', OPEN, { input: { firstName: 'A', lastName: 'B', assignedCaseManagerId: tb.staff('jordan').id } })),
    ).toEqual(['FORBIDDEN']);
    expect(await tb.count('client')).toBe(before);
    expect(
      await tb.count('audit_event', `outcome = 'DENIED' AND action = 'CREATE' AND actor_role IN ('PARTNER', 'ANALYST', 'ADMIN')`),
    ).toBeGreaterThanOrEqual(3);
  });

  it('lets a supervisor assign the new client to a case manager of the agency, and only of the agency', async () => {
    const ok = await tb.as<{ openClient: { assignedCaseManager: { id: string } } }>('sam', OPEN, {
      input: { firstName: 'Assigned', lastName: 'Bysam', assignedCaseManagerId: tb.staff('jordan').id },
    });
    expect(ok.data!.openClient.assignedCaseManager.id).toBe(tb.staff('jordan').id);
    const res = await tb.as('sam', OPEN, { input: { firstName: 'A', lastName: 'B', assignedCaseManagerId: tb.staff('pat').id } });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe('input.assignedCaseManagerId');
  });
});

describe('eligibility and activation', () => {
  const ELIGIBILITY = `mutation($input: DetermineEligibilityInput!) { determineEligibility(input: $input) { id eligibility { eligible program rationale determinedBy { id } } } }`;
  const ACTIVATE = `mutation($id: ID!) { activateClient(clientId: $id) { id status } }`;

  it('refuses to activate before eligibility, or when not eligible; activates once eligible', async () => {
    const [client] = await tb.sql<{ id: string }>(
      `SELECT c.id FROM clients.client c WHERE c.status = 'INTAKE' AND c.assigned_case_manager_id = $1
         AND NOT EXISTS (SELECT 1 FROM clients.eligibility_determination e WHERE e.client_id = c.id) LIMIT 1`,
      [tb.staff('casey').id],
    );
    await refused('casey', ACTIVATE, { id: client.id }, client.id, 'INVALID_TRANSITION');
    const notEligible = await tb.as('casey', ELIGIBILITY, {
      input: { clientId: client.id, eligible: false, program: 'Employment Support Program', rationale: 'Currently employed full time.' },
    });
    expect(notEligible.errors).toBeUndefined();
    await refused('casey', ACTIVATE, { id: client.id }, client.id, 'INVALID_TRANSITION');
    const eligible = await tb.as<{
      determineEligibility: { eligibility: { eligible: boolean; program: string; determinedBy: { id: string } } };
    }>('casey', ELIGIBILITY, {
      input: {
        clientId: client.id,
        eligible: true,
        program: 'Employment Support Program',
        rationale: 'Lost work last month; meets criteria.',
      },
    });
    expect(eligible.data!.determineEligibility.eligibility).toEqual({
      eligible: true,
      program: 'Employment Support Program',
      rationale: 'Lost work last month; meets criteria.',
      determinedBy: { id: tb.staff('casey').id },
    });
    const activated = await tb.as('casey', ACTIVATE, { id: client.id });
    expect(activated.data).toEqual({ activateClient: { id: client.id, status: 'ACTIVE' } });
    await refused('casey', ACTIVATE, { id: client.id }, client.id, 'INVALID_TRANSITION');
  });

  it('refuses an empty rationale and a client of another case manager', async () => {
    const client = caseyClient();
    const refusals: Array<[key: 'casey' | 'pat', clientId: string, rationale: string, code: string, field?: string]> = [
      ['casey', client.id, ' ', 'BAD_USER_INPUT', 'input.rationale'],
      ['casey', jordanClient().id, 'r', 'FORBIDDEN'],
      ['pat', client.id, 'r', 'FORBIDDEN'],
    ];
    for (const [key, clientId, rationale, code, field] of refusals) {
      await refused(key, ELIGIBILITY, { input: { clientId, eligible: true, program: 'P', rationale } }, clientId, code, field);
    }
  });
});

describe('contact preference, key dates and follow-up', () => {
  it('updates contact preferences, key dates and the follow-up, raising priority for a near key date', async () => {
    const client = caseyClient();
    const contact = await tb.as<{ updateContactPreference: { contactPreference: unknown } }>(
      'casey',
      `mutation($id: ID!, $input: ContactPreferenceInput!) { updateContactPreference(clientId: $id, input: $input) { contactPreference { method email voicemailAllowed publicGreeting } } }`,
      { id: client.id, input: { method: 'EMAIL', email: 'client@example.org', voicemailAllowed: false, publicGreeting: 'Just say hello' } },
    );
    expect(contact.data!.updateContactPreference.contactPreference).toEqual({
      method: 'EMAIL',
      email: 'client@example.org',
      voicemailAllowed: false,
      publicGreeting: 'Just say hello',
    });

    // Four days from today where the agency works (Harbour: Halifax), as the priority counts them.
    const soon = addDays(localDay(new Date(), HARBOUR_TIME_ZONE), 4);
    const dated = await tb.as<{ setKeyDates: { keyDates: unknown; priority: { reasons: string[] } } }>(
      'casey',
      `mutation($id: ID!, $k: [KeyDateInput!]!) { setKeyDates(clientId: $id, keyDates: $k) { keyDates { label date } priority { reasons } } }`,
      { id: client.id, k: [{ label: 'Benefit review', date: soon }] },
    );
    expect(dated.data!.setKeyDates.keyDates).toEqual([{ label: 'Benefit review', date: soon }]);
    expect(dated.data!.setKeyDates.priority.reasons).toContain('Benefit review in 4 days');

    const at = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const follow = await tb.as<{ scheduleFollowUp: { nextFollowUpAt: string } }>(
      'casey',
      `mutation($id: ID!, $at: DateTime!) { scheduleFollowUp(clientId: $id, at: $at) { nextFollowUpAt } }`,
      { id: client.id, at },
    );
    expect(follow.data!.scheduleFollowUp.nextFollowUpAt).toBe(at);
  });

  it('refuses bad key dates and a follow-up in the past, changing nothing', async () => {
    const client = caseyClient();
    const SET = `mutation($id: ID!, $k: [KeyDateInput!]!) { setKeyDates(clientId: $id, keyDates: $k) { id } }`;
    // A well-formed date a month from today: only the label or the count is wrong.
    const inAMonth = addDays(localDay(new Date(), 'UTC'), 30);
    await refused('casey', SET, { id: client.id, k: [{ label: '', date: inAMonth }] }, client.id, 'BAD_USER_INPUT', 'keyDates[0].label');
    await refused(
      'casey',
      SET,
      { id: client.id, k: Array.from({ length: 21 }, (_, i) => ({ label: `d${i}`, date: inAMonth })) },
      client.id,
      'BAD_USER_INPUT',
      'keyDates',
    );
    const bad = await tb.as(`casey`, SET, { id: client.id, k: [{ label: 'x', date: `${Number(inAMonth.slice(0, 4)) + 1}-02-30` }] });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    await refused(
      'casey',
      `mutation($id: ID!, $at: DateTime!) { scheduleFollowUp(clientId: $id, at: $at) { id } }`,
      { id: client.id, at: '2020-01-01T00:00:00Z' },
      client.id,
      'BAD_USER_INPUT',
      'at',
    );
    await refused('jordan', SET, { id: client.id, k: [] }, client.id, 'FORBIDDEN');
  });
});

describe('assignment, closure and re-opening', () => {
  const ASSIGN = `mutation($id: ID!, $to: ID!) { assignCaseManager(clientId: $id, staffMemberId: $to) { assignedCaseManager { id } } }`;
  const CLOSE = `mutation($input: CloseCaseInput!) { closeCase(input: $input) { status closure { outcome nextSteps closedBy { id } } priority { score reasons } } }`;
  const REOPEN = `mutation($id: ID!, $reason: String!) { reopenCase(clientId: $id, reason: $reason) { status closure { outcome } } }`;

  it('lets only a supervisor reassign, within the agency', async () => {
    const client = tb.world.clients.filter((c) => c.caseManagerId === tb.staff('casey').id && c.status === 'ON_HOLD')[0];
    await refused('casey', ASSIGN, { id: client.id, to: tb.staff('jordan').id }, client.id, 'FORBIDDEN');
    await refused('sam', ASSIGN, { id: client.id, to: tb.staff('robin').id }, client.id, 'BAD_USER_INPUT', 'staffMemberId');
    const res = await tb.as('sam', ASSIGN, { id: client.id, to: tb.staff('jordan').id });
    expect(res.data).toEqual({ assignCaseManager: { assignedCaseManager: { id: tb.staff('jordan').id } } });
    expect(await tb.sql(`SELECT kind FROM clients.case_event WHERE client_id = $1 AND kind = 'REASSIGNED'`, [client.id])).toHaveLength(1);
  });

  it('closes with an outcome, refuses closing twice, and re-opens with a reason keeping the history', async () => {
    const client = tb.world.clients.filter((c) => c.caseManagerId === tb.staff('casey').id && c.status === 'ACTIVE')[3];
    const closed = await tb.as<{ closeCase: unknown }>('casey', CLOSE, {
      input: { clientId: client.id, outcome: 'EMPLOYED', nextSteps: 'Check in after 90 days.' },
    });
    expect(closed.data!.closeCase).toEqual({
      status: 'CLOSED',
      closure: { outcome: 'EMPLOYED', nextSteps: 'Check in after 90 days.', closedBy: { id: tb.staff('casey').id } },
      priority: { score: 0, reasons: [] },
    });
    await refused('casey', CLOSE, { input: { clientId: client.id, outcome: 'MOVED' } }, client.id, 'INVALID_TRANSITION');
    await refused('casey', REOPEN, { id: client.id, reason: '' }, client.id, 'BAD_USER_INPUT', 'reason');
    const reopened = await tb.as('casey', REOPEN, { id: client.id, reason: 'Lost the job after two weeks.' });
    expect(reopened.data).toEqual({ reopenCase: { status: 'ACTIVE', closure: null } });
    await refused('casey', REOPEN, { id: client.id, reason: 'again' }, client.id, 'INVALID_TRANSITION');
    expect(
      (await tb.sql<{ kind: string }>('SELECT kind FROM clients.case_event WHERE client_id = $1 ORDER BY at', [client.id]))
        .map((e) => e.kind)
        .slice(-2),
    ).toEqual(['CLOSED', 'REOPENED']);
  });

  it('refuses an unknown client with NOT_FOUND and a malformed id with BAD_USER_INPUT', async () => {
    const unknown = await tb.as('casey', CLOSE, { input: { clientId: '00000000-0000-4000-8000-000000000000', outcome: 'OTHER' } });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    const malformed = await tb.as('casey', CLOSE, { input: { clientId: 'abc', outcome: 'OTHER' } });
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
    expect(malformed.errors![0].extensions!.field).toBe('input.clientId');
  });
});
