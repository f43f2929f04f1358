/**
 * The case team through the gateway (real HTTP to every subgraph): a member
 * works the client's plan and referrals because plans and referrals ask the
 * clients subgraph for grants; removal and expiry end that on the next
 * request, everywhere. A caseload transfer notifies the new case manager once.
 */
import { HARBOUR_TIME_ZONE } from '@caseflow/clients-seed';
import { addDays, localDay } from '@caseflow/core';
import { errorCodes } from '@caseflow/testing';
import { startTestStack, type TestStack } from './harness';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const CLIENT = `query($id: ID!) { client(id: $id) { id dateOfBirth actionPlans { id } referrals { id } } }`;
const PLAN = `query($id: ID!) { actionPlan(id: $id) { id version } }`;
const REFERRAL = `query($id: ID!) { referral(id: $id) { id status } }`;
const UPDATE_STEP = `mutation($input: UpdateStepInput!) { updateStep(input: $input) { id dueDate } }`;
const NOTE = `mutation($input: AddCaseNoteInput!) { addCaseNote(input: $input) { id } }`;
const ADD = `mutation($input: AddCaseTeamMemberInput!) { addCaseTeamMember(input: $input) { caseTeam { staffMember { id } } } }`;
const REMOVE = `mutation($c: ID!, $s: ID!) { removeCaseTeamMember(clientId: $c, staffMemberId: $s, reason: "Covering ended.") { id } }`;

const today = () => localDay(new Date(), HARBOUR_TIME_ZONE);
const noteInput = (clientId: string, body: string) => ({
  clientId,
  body,
  contactType: 'PHONE',
  occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
});

interface Case {
  clientId: string;
  planId: string;
  stepId: string;
  referralId: string;
}

/** A client of Casey's with an active plan with an open step and a referral, a different one each time. */
async function caseysWorkedClient(skip: number): Promise<Case> {
  const [row] = await stack.sql<{ client_id: string; plan_id: string; step_id: string; referral_id: string }>(
    `SELECT p.client_id, p.id AS plan_id, min(s.id::text) AS step_id, min(r.id::text) AS referral_id
       FROM plans.action_plan p
       JOIN plans.goal g ON g.plan_id = p.id JOIN plans.plan_task t ON t.goal_id = g.id JOIN plans.plan_step s ON s.task_id = t.id
       JOIN referrals.referral r ON r.client_id = p.client_id
      WHERE p.status = 'ACTIVE' AND s.completed_at IS NULL AND p.client_id = ANY($1::uuid[])
        AND NOT EXISTS (SELECT 1 FROM clients.case_team_member m WHERE m.client_id = p.client_id)
      GROUP BY p.client_id, p.id ORDER BY p.client_id OFFSET $2 LIMIT 1`,
    [stack.world.clients.filter((c) => c.caseManagerId === stack.staff('casey').id).map((c) => c.id), skip],
  );
  return { clientId: row.client_id, planId: row.plan_id, stepId: row.step_id, referralId: row.referral_id };
}

const planVersion = async (planId: string) =>
  (await stack.sql<{ version: number }>('SELECT version FROM plans.action_plan WHERE id = $1', [planId]))[0].version;

/** What Jordan gets for the case: the client, its plan and its referral, and whether a plan change and a note go through. */
async function jordanOn(c: Case) {
  const client = await stack.as<{ client: { actionPlans: Array<{ id: string }>; referrals: Array<{ id: string }> } | null }>(
    'jordan',
    CLIENT,
    {
      id: c.clientId,
    },
  );
  const plan = await stack.as<{ actionPlan: { id: string } | null }>('jordan', PLAN, { id: c.planId });
  const referral = await stack.as<{ referral: { id: string } | null }>('jordan', REFERRAL, { id: c.referralId });
  return { client, plan, referral };
}

/** Jordan has no access: every read refused or empty, every write refused and nothing changed. */
async function expectShutOut(c: Case): Promise<void> {
  const { client, plan, referral } = await jordanOn(c);
  expect(errorCodes(client)).toContain('FORBIDDEN');
  expect(client.data?.client ?? null).toBeNull();
  expect(plan.data?.actionPlan ?? null).toBeNull();
  expect(errorCodes(plan).length).toBeGreaterThan(0);
  expect(referral.data?.referral ?? null).toBeNull();
  expect(errorCodes(referral).length).toBeGreaterThan(0);
  const version = await planVersion(c.planId);
  const notes = await stack.sql('SELECT id FROM clients.case_note WHERE client_id = $1', [c.clientId]);
  const step = await stack.as('jordan', UPDATE_STEP, {
    input: { stepId: c.stepId, expectedVersion: version, dueDate: addDays(today(), 9), rationale: 'Rescheduled with the client.' },
  });
  expect(errorCodes(step).some((code) => code === 'FORBIDDEN' || code === 'NOT_FOUND')).toBe(true);
  const note = await stack.as('jordan', NOTE, { input: noteInput(c.clientId, 'Called the client.') });
  expect(errorCodes(note)).toContain('FORBIDDEN');
  expect(await planVersion(c.planId)).toBe(version);
  expect(await stack.sql('SELECT id FROM clients.case_note WHERE client_id = $1', [c.clientId])).toEqual(notes);
}

/** Jordan works the case: reads the client, its plan and its referral, moves a step and adds a note. */
async function expectWorking(c: Case): Promise<void> {
  const { client, plan, referral } = await jordanOn(c);
  expect(client.errors).toBeUndefined();
  expect(client.data!.client!.actionPlans.map((p) => p.id)).toContain(c.planId);
  expect(client.data!.client!.referrals.map((r) => r.id)).toContain(c.referralId);
  expect(plan.data!.actionPlan!.id).toBe(c.planId);
  expect(referral.data!.referral!.id).toBe(c.referralId);
  const version = await planVersion(c.planId);
  const dueDate = addDays(today(), 5);
  const step = await stack.as('jordan', UPDATE_STEP, {
    input: { stepId: c.stepId, expectedVersion: version, dueDate, rationale: 'Moved with the client.' },
  });
  expect(step).toMatchObject({ data: { updateStep: { id: c.stepId, dueDate } } });
  expect(await planVersion(c.planId)).toBe(version + 1);
  const note = await stack.as('jordan', NOTE, { input: noteInput(c.clientId, 'Covered the appointment for Casey.') });
  expect(note.errors).toBeUndefined();
}

describe('a case team member through the gateway', () => {
  it("works the client's plan and referrals while on the team, and nothing of them once removed", async () => {
    const c = await caseysWorkedClient(0);
    await expectShutOut(c);
    const added = await stack.as('casey', ADD, {
      input: { clientId: c.clientId, staffMemberId: stack.staff('jordan').id, role: 'SPECIALIST' },
    });
    expect(added.errors).toBeUndefined();
    await expectWorking(c);
    expect((await stack.as('casey', REMOVE, { c: c.clientId, s: stack.staff('jordan').id })).errors).toBeUndefined();
    await expectShutOut(c);
  });

  it('loses it all once their `until` day has passed', async () => {
    const c = await caseysWorkedClient(1);
    const input = { clientId: c.clientId, staffMemberId: stack.staff('jordan').id, role: 'SECONDARY_CASE_MANAGER', until: today() };
    expect((await stack.as('sam', ADD, { input })).errors).toBeUndefined();
    await expectWorking(c);
    await stack.sql('UPDATE clients.case_team_member SET until = $2 WHERE client_id = $1', [c.clientId, addDays(today(), -1)]);
    await expectShutOut(c);
  });
});

describe('a caseload transfer through the gateway', () => {
  it('tells the new case manager once, however many clients moved', async () => {
    await stack.settleEvents();
    const jordan = stack.staff('jordan').id;
    const count = async () =>
      Number(
        (await stack.sql<{ n: string }>(`SELECT count(*) AS n FROM notifications.notification WHERE recipient_id = $1`, [jordan]))[0].n,
      );
    const before = await count();
    const moved = stack.world.clients.filter((c) => c.caseManagerId === stack.staff('casey').id && c.status === 'ACTIVE').slice(0, 3);
    const res = await stack.as<{ transferCaseload: { movedCount: number } }>(
      'sam',
      `mutation($input: TransferCaseloadInput!) { transferCaseload(input: $input) { movedCount } }`,
      {
        input: {
          fromStaffMemberId: stack.staff('casey').id,
          toStaffMemberId: jordan,
          clientIds: moved.map((c) => c.id),
          reason: 'Casey is on leave.',
        },
      },
    );
    expect(res).toMatchObject({ data: { transferCaseload: { movedCount: 3 } } });
    await stack.settleEvents();
    expect(await count()).toBe(before + 1);
    const [latest] = await stack.sql<{ kind: string; message: string; client_id: string | null }>(
      'SELECT kind, message, client_id FROM notifications.notification WHERE recipient_id = $1 ORDER BY created_at DESC LIMIT 1',
      [jordan],
    );
    expect(latest).toEqual({ kind: 'CLIENT_ASSIGNED', message: '3 clients were transferred to you.', client_id: null });
  });
});
