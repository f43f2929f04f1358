import { demoStaff, EASTSIDE_ID } from '@caseflow/demo';
import { errorCodes } from '@caseflow/testing';
import { calendarDate } from './step.rules';
import { type PlansTestbed, startPlansTestbed } from '../testing/testbed';

const DAY = 86_400_000;
const day = (offset: number) => calendarDate(new Date(Date.now() + offset * DAY));
const today = () => day(0);
const casey = demoStaff('casey');

const UPDATE_STEP = `mutation($input: UpdateStepInput!) { updateStep(input: $input) {
  id outcome dueDate completedAt overdue task { id } revisions { version rationale summary revisedBy { id } } } }`;

interface StepResult {
  id: string;
  outcome: string;
  dueDate: string | null;
  completedAt: string | null;
  overdue: boolean;
  revisions: Array<{ version: number; rationale: string; summary: string; revisedBy: { id: string } }>;
}

let bed: PlansTestbed;
beforeAll(async () => {
  bed = await startPlansTestbed();
});
afterAll(() => bed?.stop());
beforeEach(() => bed.access.reset());
const storedStep = async (id: string) =>
  (
    await bed.sql<{ outcome: string; due_date: string | null; completed_at: string | null }>(
      'SELECT outcome, due_date::text, completed_at::text FROM plans.plan_step WHERE id = $1',
      [id],
    )
  )[0];
const storedVersion = async (planId: string) =>
  (await bed.sql<{ version: number }>('SELECT version FROM plans.action_plan WHERE id = $1', [planId]))[0].version;

describe('updateStep', () => {
  it('completes a step today, as a revision with the rationale, and audits the change', async () => {
    const { plan, step } = bed.takePlan(casey.id);
    const auditMark = await bed.lastAuditId();
    const res = await bed.gql<{ updateStep: StepResult }>('casey', UPDATE_STEP, {
      input: { stepId: step.id, expectedVersion: plan.version, outcome: 'COMPLETE', rationale: 'Client brought the signed form.' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateStep).toMatchObject({ id: step.id, outcome: 'COMPLETE', completedAt: today(), overdue: false });
    expect(res.data!.updateStep.revisions).toEqual([
      {
        version: plan.version + 1,
        rationale: 'Client brought the signed form.',
        summary: `Step "${step.description}": NOT_STARTED → COMPLETE, completed ${today()}`,
        revisedBy: { id: casey.id },
      },
    ]);
    expect(await storedVersion(plan.id)).toBe(plan.version + 1);
    expect((await bed.auditSince(auditMark)).filter((e) => e.action !== 'READ')).toEqual([
      { action: 'UPDATE', outcome: 'ALLOWED', entity_type: 'PlanStep', entity_id: step.id, client_id: plan.clientId },
    ]);
  });

  it('brings a step forward to a new due date and keeps the old one in its history', async () => {
    const { plan, step } = bed.takePlan(casey.id);
    const res = await bed.gql<{ updateStep: StepResult }>('casey', UPDATE_STEP, {
      input: {
        stepId: step.id,
        expectedVersion: plan.version,
        outcome: 'BROUGHT_FORWARD',
        dueDate: day(10),
        rationale: 'Client is in hospital this week.',
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateStep).toMatchObject({ outcome: 'BROUGHT_FORWARD', dueDate: day(10), completedAt: null, overdue: false });
    expect(res.data!.updateStep.revisions.at(-1)!.summary).toBe(
      `Step "${step.description}": brought forward, due ${step.dueDate} → ${day(10)}`,
    );
    const [revision] = await bed.sql<{ changes: unknown }>(
      'SELECT changes FROM plans.plan_revision WHERE entity_id = $1 ORDER BY version DESC LIMIT 1',
      [step.id],
    );
    expect(revision.changes).toEqual({ outcome: ['NOT_STARTED', 'BROUGHT_FORWARD'], dueDate: [step.dueDate, day(10)] });
  });

  it('refuses bad input naming the field and changes nothing', async () => {
    const { plan, step } = bed.takePlan(casey.id);
    const before = await bed.snapshot(plan.clientId);
    const base = { stepId: step.id, expectedVersion: plan.version, rationale: 'Because' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ rationale: '' }, 'input.rationale'],
      [{ stepId: 'x', outcome: 'COMPLETE' }, 'input.stepId'],
      [{ expectedVersion: -1, outcome: 'COMPLETE' }, 'input.expectedVersion'],
      [{}, 'input'],
      [{ outcome: 'COMPLETE', completedAt: day(1) }, 'input.completedAt'],
      [{ outcome: 'IN_PROGRESS', completedAt: day(0) }, 'input.completedAt'],
      [{ outcome: 'BROUGHT_FORWARD' }, 'input.dueDate'],
      [{ outcome: 'BROUGHT_FORWARD', dueDate: day(-1) }, 'input.dueDate'],
      [{ dueDate: calendarDate(new Date(plan.createdAt.getTime() - 2 * DAY)) }, 'input.dueDate'],
      [{ outcome: step.outcome }, 'input'],
    ];
    for (const [change, field] of cases) {
      const res = await bed.gql('casey', UPDATE_STEP, { input: { ...base, ...change } });
      expect({ field, codes: errorCodes(res), got: res.errors?.[0].extensions?.field }).toEqual({
        field,
        codes: ['BAD_USER_INPUT'],
        got: field,
      });
    }
    expect(await bed.snapshot(plan.clientId)).toEqual(before);
  });

  it('refuses a stale version (CONFLICT), a closed plan (INVALID_TRANSITION), other callers (FORBIDDEN) and an unknown step (NOT_FOUND)', async () => {
    const { plan, step } = bed.takePlan(casey.id);
    const closed = bed.takePlan(casey.id, 'COMPLETED');
    bed.access.consents.set(`${EASTSIDE_ID}:${plan.clientId}`, ['PLANS']);
    const before = [await bed.snapshot(plan.clientId), await bed.snapshot(closed.plan.clientId)];
    const change = (stepId: string, expectedVersion: number) => ({
      input: { stepId, expectedVersion, outcome: 'IN_PROGRESS', rationale: 'Started' },
    });

    const stale = await bed.gql('casey', UPDATE_STEP, change(step.id, plan.version + 1));
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect(errorCodes(await bed.gql('casey', UPDATE_STEP, change(closed.step.id, closed.plan.version)))).toEqual(['INVALID_TRANSITION']);
    for (const who of ['jordan', 'robin', 'alex'] as const) {
      expect({ who, codes: errorCodes(await bed.gql(who, UPDATE_STEP, change(step.id, plan.version))) }).toEqual({
        who,
        codes: ['FORBIDDEN'],
      });
    }
    expect(errorCodes(await bed.gql('casey', UPDATE_STEP, change('00000000-0000-4000-8000-000000000999', 1)))).toEqual(['NOT_FOUND']);
    expect([await bed.snapshot(plan.clientId), await bed.snapshot(closed.plan.clientId)]).toEqual(before);
  });

  it('lets exactly one of two concurrent changes from the same version win; the stored plan is the winner', async () => {
    const { plan, step } = bed.takePlan(casey.id);
    const attempts = [
      { outcome: 'COMPLETE', rationale: 'Done at the office' },
      { outcome: 'BROUGHT_FORWARD', dueDate: day(14), rationale: 'Client asked for two more weeks' },
    ];
    const results = await Promise.all(
      attempts.map((a) =>
        bed.gql<{ updateStep: StepResult }>('casey', UPDATE_STEP, { input: { stepId: step.id, expectedVersion: plan.version, ...a } }),
      ),
    );
    const winners = results.filter((r) => r.errors === undefined);
    const losers = results.filter((r) => r.errors !== undefined);
    expect(winners).toHaveLength(1);
    expect(losers.map((r) => errorCodes(r))).toEqual([['CONFLICT']]);
    const won = winners[0].data!.updateStep;
    expect(await storedStep(step.id)).toEqual({ outcome: won.outcome, due_date: won.dueDate, completed_at: won.completedAt });
    expect(await storedVersion(plan.id)).toBe(plan.version + 1);
    const revisions = await bed.sql<{ rationale: string }>(
      'SELECT rationale FROM plans.plan_revision WHERE plan_id = $1 AND version = $2',
      [plan.id, plan.version + 1],
    );
    expect(revisions).toEqual([{ rationale: attempts[results.indexOf(winners[0])].rationale }]);
  });
});

describe('revisions', () => {
  it('are never edited or deleted: the database refuses both', async () => {
    const [revision] = await bed.sql<{ id: string }>('SELECT id FROM plans.plan_revision LIMIT 1');
    await expect(bed.sql(`UPDATE plans.plan_revision SET rationale = 'rewritten' WHERE id = $1`, [revision.id])).rejects.toThrow(
      /permission denied for table plan_revision/,
    );
    await expect(bed.sql('DELETE FROM plans.plan_revision WHERE id = $1', [revision.id])).rejects.toThrow(
      /permission denied for table plan_revision/,
    );
    expect(await bed.sql('SELECT count(*)::int AS n FROM plans.plan_revision WHERE id = $1', [revision.id])).toEqual([{ n: 1 }]);
  });
});
