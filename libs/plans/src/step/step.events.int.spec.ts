import { addDays, localDay } from '@caseflow/core';
import { fetchOrganizationTimeZones } from '@caseflow/auth';
import { demoStaff } from '@caseflow/demo';
import { atLocalTime, errorCodes } from '@caseflow/testing';
import { type PlansTestbed, startPlansTestbed } from '../testing/testbed';
import { recordOverdueSteps } from './overdue.job';
import { newlyOverdueSteps } from './overdue.sql';

const VANCOUVER = 'America/Vancouver';
const casey = demoStaff('casey');
const UPDATE_STEP = `mutation($input: UpdateStepInput!) { updateStep(input: $input) { id overdue } }`;

let bed: PlansTestbed;
beforeAll(async () => {
  bed = await startPlansTestbed();
});
afterAll(() => bed?.stop());
beforeEach(() => bed.access.reset());

interface OutboxRow {
  type: string;
  aggregate_id: string;
  organization_id: string;
  payload: Record<string, unknown>;
}
const mark = async () => Number((await bed.sql<{ p: string }>('SELECT coalesce(max(position), 0) AS p FROM plans.outbox_event'))[0].p);
const outboxSince = (position: number) =>
  bed.sql<OutboxRow>('SELECT type, aggregate_id, organization_id, payload FROM plans.outbox_event WHERE position > $1 ORDER BY position', [
    position,
  ]);
const overdueEventsOf = (stepId: string) =>
  bed.sql<OutboxRow>(
    // In the order they were recorded: a relay's update (published_at) moves a row in the table, so only an ORDER BY keeps it.
    `SELECT type, aggregate_id, organization_id, payload FROM plans.outbox_event
      WHERE type = 'plan.step_overdue' AND payload->>'stepId' = $1 ORDER BY position`,
    [stepId],
  );
const toldOn = async (stepId: string) =>
  (await bed.sql<{ d: string | null }>('SELECT overdue_told_on::text AS d FROM plans.plan_step WHERE id = $1', [stepId]))[0].d;
const setDue = (stepId: string, day: string) => bed.sql('UPDATE plans.plan_step SET due_date = $2::date WHERE id = $1', [stepId, day]);
const overdueOfClient = async (clientId: string, today: string) =>
  (
    await bed.sql<{ id: string }>(
      `SELECT s.id FROM plans.plan_step s JOIN plans.plan_task t ON t.id = s.task_id JOIN plans.goal g ON g.id = t.goal_id
         JOIN plans.action_plan p ON p.id = g.plan_id
        WHERE p.client_id = $1 AND p.status IN ('DRAFT', 'ACTIVE') AND g.status = 'OPEN' AND s.due_date < $2::date
          AND s.outcome NOT IN ('COMPLETE', 'CANCELLED') ORDER BY s.id`,
      [clientId, today],
    )
  ).map((r) => r.id);

describe('plan events', () => {
  it("records plan.revised with each revision, and plan.steps_changed with the client's overdue steps when a change alters them", async () => {
    const { plan, step } = bed.takePlan(casey.id);
    const today = localDay(new Date(), 'UTC');
    await setDue(step.id, addDays(today, -3));
    const before = await mark();
    const done = await bed.gql('casey', UPDATE_STEP, {
      input: { stepId: step.id, expectedVersion: plan.version, outcome: 'COMPLETE', rationale: 'Done at last.' },
    });
    expect(done.errors).toBeUndefined();
    const facts = { clientId: plan.clientId, organizationId: plan.organizationId, planId: plan.id };
    expect(await outboxSince(before)).toEqual([
      {
        type: 'plan.revised',
        aggregate_id: plan.id,
        organization_id: plan.organizationId,
        payload: { ...facts, version: plan.version + 1 },
      },
      {
        type: 'plan.steps_changed',
        aggregate_id: plan.id,
        organization_id: plan.organizationId,
        payload: { ...facts, overdueStepIds: await overdueOfClient(plan.clientId, today) },
      },
    ]);
    expect((await outboxSince(before))[1].payload.overdueStepIds).not.toContain(step.id);

    // A change that leaves the overdue steps as they were: the revision only.
    const next = await mark();
    const moved = await bed.gql('casey', UPDATE_STEP, {
      input: {
        stepId: step.id,
        expectedVersion: plan.version + 1,
        outcome: 'NOT_STARTED',
        dueDate: addDays(today, 10),
        rationale: 'Reopened.',
      },
    });
    expect(moved.errors).toBeUndefined();
    expect((await outboxSince(next)).map((e) => e.type)).toEqual(['plan.revised']);
  });

  it('records plan.steps_changed when closing the plan leaves its steps no longer overdue', async () => {
    const { plan, step } = bed.takePlan(casey.id);
    const today = localDay(new Date(), 'UTC');
    await setDue(step.id, addDays(today, -2));
    const before = await mark();
    const res = await bed.gql('casey', `mutation($id: ID!, $v: Int!) { completePlan(planId: $id, expectedVersion: $v) { status } }`, {
      id: plan.id,
      v: plan.version,
    });
    expect(res.errors).toBeUndefined();
    const events = await outboxSince(before);
    expect(events.map((e) => e.type)).toEqual(['plan.revised', 'plan.steps_changed']);
    expect(events[1].payload.overdueStepIds).toEqual(await overdueOfClient(plan.clientId, today));
    expect(events[1].payload.overdueStepIds).not.toContain(step.id);
  });

  it('records nothing for a refused change: a stale version, bad input, no right to the case', async () => {
    const { plan, step } = bed.takePlan(casey.id);
    await setDue(step.id, addDays(localDay(new Date(), 'UTC'), -3));
    const before = await mark();
    const change = { stepId: step.id, outcome: 'COMPLETE', rationale: 'Done.' };
    expect(errorCodes(await bed.gql('casey', UPDATE_STEP, { input: { ...change, expectedVersion: plan.version + 5 } }))).toEqual([
      'CONFLICT',
    ]);
    expect(errorCodes(await bed.gql('casey', UPDATE_STEP, { input: { ...change, expectedVersion: plan.version, rationale: '' } }))).toEqual(
      ['BAD_USER_INPUT'],
    );
    expect(errorCodes(await bed.gql('alex', UPDATE_STEP, { input: { ...change, expectedVersion: plan.version } }))).toEqual(['FORBIDDEN']);
    expect(await outboxSince(before)).toEqual([]);
  });
});

describe('plan.step_overdue, in the agency time zone', () => {
  // A generous timeout: these tests are about the job's days, not the peer's speed, and a loaded machine may answer slowly.
  const timeZones = (ids: string[]) =>
    fetchOrganizationTimeZones({ clientsUrl: bed.clientsUrl, internalSecret: bed.t.secret, timeoutMs: 10_000 }, ids);

  it('fires once per step and due date after midnight where the agency works, however often or by however many it runs', async () => {
    const { plan, step } = bed.takePlan(casey.id);
    bed.access.timeZones.set(plan.organizationId, VANCOUVER);
    const dueOn = localDay(new Date(), VANCOUVER);
    await setDue(step.id, dueOn);
    const ds = bed.t.subgraph.database.dataSource;

    // 23:30 in Vancouver is the next day in UTC: the step is still due today there, not overdue.
    const lateTonight = atLocalTime(dueOn, '23:30', VANCOUVER);
    expect(localDay(lateTonight, 'UTC')).toBe(addDays(dueOn, 1));
    await recordOverdueSteps(ds, timeZones, lateTonight);
    expect(await overdueEventsOf(step.id)).toEqual([]);

    const afterMidnight = atLocalTime(addDays(dueOn, 1), '00:30', VANCOUVER);
    await Promise.all([recordOverdueSteps(ds, timeZones, afterMidnight), recordOverdueSteps(ds, timeZones, afterMidnight)]);
    expect(await recordOverdueSteps(ds, timeZones, afterMidnight)).toBe(0);
    const told = await overdueEventsOf(step.id);
    expect(told).toEqual([
      {
        type: 'plan.step_overdue',
        aggregate_id: plan.id,
        organization_id: plan.organizationId,
        payload: {
          clientId: plan.clientId,
          organizationId: plan.organizationId,
          planId: plan.id,
          stepId: step.id,
          dueOn,
          overdueStepIds: await overdueOfClient(plan.clientId, addDays(dueOn, 1)),
        },
      },
    ]);
    expect(told[0].payload.overdueStepIds).toContain(step.id);

    // Moved to a new date that passes again: told again, once.
    const later = addDays(dueOn, 2);
    await setDue(step.id, later);
    const thatNight = atLocalTime(addDays(later, 1), '00:30', VANCOUVER);
    await recordOverdueSteps(ds, timeZones, thatNight);
    await recordOverdueSteps(ds, timeZones, thatNight);
    expect((await overdueEventsOf(step.id)).map((e) => e.payload.dueOn)).toEqual([dueOn, later]);
    expect(await toldOn(step.id)).toBe(later);
  });

  it('marks each step it told, so that the next runs read only steps not told yet', async () => {
    const { plan, step } = bed.takePlan(casey.id);
    const dueOn = addDays(localDay(new Date(), 'UTC'), -2);
    await setDue(step.id, dueOn);
    const ds = bed.t.subgraph.database.dataSource;
    const now = new Date();
    expect(await toldOn(step.id)).toBeNull();
    expect((await newlyOverdueSteps(ds.manager, now, 1000, 0)).map((r) => r.step_id)).toContain(step.id);

    await recordOverdueSteps(ds, timeZones, now);
    expect(await toldOn(step.id)).toBe(dueOn);
    // What the job reads now holds no step it has told about: every open step past due somewhere is marked.
    expect(await newlyOverdueSteps(ds.manager, now, 1000, 0)).toEqual([]);
    const unmarked = await bed.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM plans.plan_step s JOIN plans.plan_task t ON t.id = s.task_id JOIN plans.goal g ON g.id = t.goal_id
         JOIN plans.action_plan p ON p.id = g.plan_id
        WHERE s.due_date < $1::date AND s.outcome NOT IN ('COMPLETE', 'CANCELLED') AND g.status = 'OPEN' AND p.status IN ('DRAFT', 'ACTIVE')
          AND s.overdue_told_on IS DISTINCT FROM s.due_date`,
      [localDay(now, 'UTC')],
    );
    expect(unmarked).toEqual([{ n: 0 }]);
    expect((await overdueEventsOf(step.id)).map((e) => e.aggregate_id)).toEqual([plan.id]);
  });

  it('does not wait for a step a writer holds: it is told once, and marked by a later run', async () => {
    const { step } = bed.takePlan(casey.id);
    const dueOn = addDays(localDay(new Date(), 'UTC'), -2);
    await setDue(step.id, dueOn);
    const ds = bed.t.subgraph.database.dataSource;
    const writer = ds.createQueryRunner();
    await writer.connect();
    await writer.startTransaction();
    try {
      await writer.query('SELECT id FROM plans.plan_step WHERE id = $1 FOR UPDATE', [step.id]);
      expect(await recordOverdueSteps(ds, timeZones)).toBeGreaterThanOrEqual(1);
      // Told (its event is recorded), not marked for this due date.
      expect((await overdueEventsOf(step.id)).map((e) => e.payload.dueOn)).toContain(dueOn);
      expect(await toldOn(step.id)).not.toBe(dueOn);
    } finally {
      await writer.rollbackTransaction();
      await writer.release();
    }
    // Still a candidate; its once-key keeps it from being told again, and this run marks it.
    expect(await recordOverdueSteps(ds, timeZones)).toBe(0);
    expect(await toldOn(step.id)).toBe(dueOn);
    expect((await overdueEventsOf(step.id)).filter((e) => e.payload.dueOn === dueOn)).toHaveLength(1);
  });
});
