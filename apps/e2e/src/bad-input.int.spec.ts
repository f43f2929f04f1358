/**
 * Bad input through the gateway (issue #22): every malformed value is a
 * BAD_USER_INPUT naming its field, with a short message and nothing written;
 * an upper-case copy of a real id changes the record once and answers it;
 * the HSDS API answers every error with a code.
 */
import { NORTHSIDE_ID } from '@caseflow/demo';
import { errorCodes, type GraphQLResponse } from '@caseflow/testing';
import { type Digester, openDigester } from './digest';
import { startTestStack, type StaffKey, type TestStack } from './harness';

let stack: TestStack;
let digester: Digester;
beforeAll(async () => {
  stack = await startTestStack({ production: true });
  digester = await openDigester(stack.databaseUrl, stack.settleEvents);
});
afterAll(async () => {
  await digester?.close();
  await stack?.stop();
});

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const activeOf = (key: 'casey' | 'jordan', n = 0) =>
  stack.world.clients.filter((c) => c.caseManagerId === stack.staff(key).id && c.status === 'ACTIVE')[n];

/** Runs `query` as `key`, expects one BAD_USER_INPUT naming `field` with a short message, and no change anywhere. */
async function refused(key: StaffKey, query: string, variables: Record<string, unknown>, field: string): Promise<GraphQLResponse> {
  const before = await digester.read();
  const res = await stack.as(key, query, variables);
  expect({ field, codes: errorCodes(res) }).toEqual({ field, codes: ['BAD_USER_INPUT'] });
  expect(res.errors![0].extensions!.field).toBe(field);
  expect(res.errors![0].message.length).toBeLessThan(200);
  expect(await digester.read()).toEqual(before);
  return res;
}

const SET_KEY_DATES = `mutation($clientId: ID!, $keyDates: [KeyDateInput!]!) { setKeyDates(clientId: $clientId, keyDates: $keyDates) { id } }`;
const FOLLOW_UP = `mutation($clientId: ID!, $at: DateTime!) { scheduleFollowUp(clientId: $clientId, at: $at) { id } }`;
const ADD_NOTE = `mutation($input: AddCaseNoteInput!) { addCaseNote(input: $input) { id } }`;

describe('1. malformed dates and instants', () => {
  it.each(['not-a-date', '', '2019-1-1', '2019-02-30', '0000-01-01', 'x'.repeat(10_000)])(
    'a key date of %j is refused naming keyDates[0].date',
    async (date) => {
      await refused('casey', SET_KEY_DATES, { clientId: activeOf('casey').id, keyDates: [{ label: 'Court', date }] }, 'keyDates[0].date');
    },
  );

  it('a date that is not even a string, refused by the subgraph with HTTP 400, keeps its code and field through the gateway', async () => {
    await refused(
      'casey',
      SET_KEY_DATES,
      { clientId: activeOf('casey').id, keyDates: [{ label: 'Court', date: 20190101 }] },
      'keyDates[0].date',
    );
  });

  it('a literal bad date in the operation text is refused the same way', async () => {
    await refused(
      'casey',
      `mutation { setKeyDates(clientId: "${activeOf('casey').id}", keyDates: [{ label: "Court", date: "2019-02-30" }]) { id } }`,
      {},
      'keyDates[0].date',
    );
  });

  it.each(['2019-01-01T10:00:00+99:99', 'tomorrow', `${isoDay(Date.now() + DAY)}T25:00:00Z`])(
    'a follow-up at %j is refused naming at',
    async (at) => {
      await refused('casey', FOLLOW_UP, { clientId: activeOf('casey').id, at }, 'at');
    },
  );

  it('a 10,000-character value is quoted only as an excerpt', async () => {
    const res = await refused('casey', FOLLOW_UP, { clientId: activeOf('casey').id, at: 'y'.repeat(10_000) }, 'at');
    expect(res.errors![0].message).not.toContain('y'.repeat(41));
  });
});

describe('2. NUL and control characters in free text', () => {
  it('are refused on read paths, naming the filter', async () => {
    await refused(
      'casey',
      `query($f: ClientFilter) { clients(filter: $f) { totalCount } }`,
      { f: { nameContains: 'an\u0000' } },
      'filter.nameContains',
    );
    await refused(
      'casey',
      `query($i: ServiceSearchInput!) { searchServices(input: $i) { totalCount } }`,
      { i: { text: 'food\u0000' } },
      'input.text',
    );
    await refused(
      'casey',
      `query($i: ServiceSearchInput!) { searchServices(input: $i) { totalCount } }`,
      { i: { language: 'e\u0000n' } },
      'input.language',
    );
  });

  it('are refused on writes; a note body keeps its line breaks and tabs', async () => {
    const client = activeOf('casey');
    await refused(
      'casey',
      `mutation($id: ID!, $r: String!) { reopenCase(clientId: $id, reason: $r) { id } }`,
      { id: client.id, r: 'back\u0000' },
      'reason',
    );
    const note = { clientId: client.id, occurredAt: new Date(Date.now() - 3600_000).toISOString(), contactType: 'PHONE' };
    await refused('casey', ADD_NOTE, { input: { ...note, body: 'called\u0007' } }, 'input.body');
    const ok = await stack.as('casey', ADD_NOTE, { input: { ...note, body: 'Called.\n\tLeft a message.' } });
    expect(ok.errors).toBeUndefined();
  });
});

describe('3. an upper-case copy of a real id', () => {
  it('closes the case once and answers the client (never an error after the write)', async () => {
    const client = activeOf('casey', 1);
    const res = await stack.as<{ closeCase: { id: string; status: string } }>(
      'casey',
      `mutation($id: ID!) { closeCase(input: { clientId: $id, outcome: GOALS_MET }) { id status } }`,
      { id: client.id.toUpperCase() },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.closeCase).toEqual({ id: client.id, status: 'CLOSED' });
    const events = await stack.sql(`SELECT kind FROM clients.case_event WHERE client_id = $1 AND kind = 'CLOSED'`, [client.id]);
    expect(events).toHaveLength(1);
  });

  it('updates a step once, bumping the plan version once, and answers the step', async () => {
    const [step] = await stack.sql<{ id: string; version: number; plan_id: string }>(
      `SELECT s.id, p.version, p.id AS plan_id FROM plans.plan_step s JOIN plans.plan_task t ON t.id = s.task_id JOIN plans.goal g ON g.id = t.goal_id
         JOIN plans.action_plan p ON p.id = g.plan_id WHERE p.status = 'ACTIVE' AND p.client_id = ANY($1) AND s.completed_at IS NULL LIMIT 1`,
      [stack.world.clients.filter((c) => c.caseManagerId === stack.staff('casey').id).map((c) => c.id)],
    );
    const res = await stack.as<{ updateStep: { id: string } }>(
      'casey',
      `mutation($input: UpdateStepInput!) { updateStep(input: $input) { id } }`,
      {
        input: {
          stepId: step.id.toUpperCase(),
          expectedVersion: step.version,
          dueDate: isoDay(Date.now() + 14 * DAY),
          rationale: 'Moved with the client',
        },
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateStep.id).toBe(step.id);
    const [plan] = await stack.sql<{ version: number }>('SELECT version FROM plans.action_plan WHERE id = $1', [step.plan_id]);
    expect(plan.version).toBe(step.version + 1);
  });

  it('a garbage id is refused before anything is written', async () => {
    await refused('casey', `mutation { activateClient(clientId: "${'Z'.repeat(36)}") { id } }`, {}, 'clientId');
  });
});

describe('5. impossible and absurd dates', () => {
  it('a note on 2019-02-30, a note and a consent in year 0, a note before the year before intake', async () => {
    const client = activeOf('casey', 2);
    const note = { clientId: client.id, contactType: 'PHONE', body: 'x' };
    await refused('casey', ADD_NOTE, { input: { ...note, occurredAt: '2019-02-30T10:00:00Z' } }, 'input.occurredAt');
    await refused('casey', ADD_NOTE, { input: { ...note, occurredAt: '0000-01-01T10:00:00Z' } }, 'input.occurredAt');
    const [{ intake_date: intake }] = await stack.sql<{ intake_date: string }>(
      `SELECT intake_date::text FROM clients.client WHERE id = $1`,
      [client.id],
    );
    await refused(
      'casey',
      ADD_NOTE,
      { input: { ...note, occurredAt: `${Number(intake.slice(0, 4)) - 2}-12-31T10:00:00Z` } },
      'input.occurredAt',
    );
    await refused(
      'casey',
      `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`,
      {
        input: {
          clientId: client.id,
          recipientOrganizationId: NORTHSIDE_ID,
          scope: ['CONTACT_INFO'],
          purpose: 'p',
          signedAt: '0000-06-01T10:00:00Z',
        },
      },
      'input.signedAt',
    );
  });

  it('9999-12-31 as a key date, a schedule end and a referral deadline', async () => {
    const client = activeOf('casey', 2);
    await refused('casey', SET_KEY_DATES, { clientId: client.id, keyDates: [{ label: 'Court', date: '9999-12-31' }] }, 'keyDates[0].date');
    const service = stack.world.services.find((s) => s.organizationId === NORTHSIDE_ID)!;
    await refused(
      'pat',
      `mutation($owner: DirectoryOwnerInput!, $input: ScheduleInput!) { addSchedule(owner: $owner, input: $input) { id } }`,
      {
        owner: { serviceId: service.id },
        input: { byDay: 'MO', opensAt: '09:00', closesAt: '17:00', validTo: '9999-12-31' },
      },
      'input.validTo',
    );
    await refused(
      'casey',
      `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id } }`,
      {
        input: {
          clientId: client.id,
          serviceId: service.id,
          need: 'n',
          necessaryRationale: 'n',
          appropriateRationale: 'a',
          respondBy: '9999-12-31T00:00:00Z',
        },
      },
      'input.respondBy',
    );
  });

  it('a birth date in the future or before 1900', async () => {
    const open = `mutation($input: OpenClientInput!) { openClient(input: $input) { id } }`;
    await refused(
      'casey',
      open,
      { input: { firstName: 'A', lastName: 'B', dateOfBirth: isoDay(Date.now() + 2 * DAY) } },
      'input.dateOfBirth',
    );
    await refused('casey', open, { input: { firstName: 'A', lastName: 'B', dateOfBirth: '1899-12-31' } }, 'input.dateOfBirth');
  });
});

describe('4 and 6. the HSDS API and the HTTP edge', () => {
  const base = () => stack.gatewayUrl.replace(/\/graphql$/, '');
  const get = async (path: string) => {
    const res = await fetch(`${base()}${path}`, { headers: { authorization: `Bearer ${await stack.issuer.token(stack.actor('pat'))}` } });
    const text = await res.text();
    return { status: res.status, text, json: text ? JSON.parse(text) : null };
  };
  const codeOf = (json: { errors?: Array<{ extensions?: { code?: string; field?: string } }> }) => json.errors?.[0]?.extensions;

  it.each([
    ['/hsds/services?modified_after=2019-02-30', 'modified_after'],
    ['/hsds/services?modified_after=0000-01-01', 'modified_after'],
    ['/hsds/services?search=food%00', 'search'],
    ['/hsds/services?postcode=B3K%00&proximity=10', 'postcode'],
  ])('%s is a 400 BAD_USER_INPUT naming %s', async (path, field) => {
    const res = await get(path);
    expect({ status: res.status, ...codeOf(res.json) }).toEqual({ status: 400, code: 'BAD_USER_INPUT', field });
  });

  it('long paths and parameter names are not echoed whole; unknown top-level paths are a coded 404', async () => {
    const longPath = await get(`/hsds/${'a'.repeat(10_000)}`);
    expect({ status: longPath.status, code: codeOf(longPath.json)?.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(longPath.text.length).toBeLessThan(500);
    const longName = await get(`/hsds/services?${'p'.repeat(10_000)}=1`);
    expect({ status: longName.status, code: codeOf(longName.json)?.code }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    expect(longName.text.length).toBeLessThan(500);
    const unknown = await get('/hsdsx/services');
    expect({ status: unknown.status, code: codeOf(unknown.json)?.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
  });

  it('a 60 KB query string is a 431 with a coded JSON body', async () => {
    const res = await get(`/hsds/services?search=${'q'.repeat(60_000)}`);
    expect({ status: res.status, code: codeOf(res.json)?.code }).toEqual({ status: 431, code: 'BAD_USER_INPUT' });
  });
});
