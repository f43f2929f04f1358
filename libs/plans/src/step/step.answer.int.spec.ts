/**
 * No step change answers an error after it was saved: the answer is read
 * inside the change's transaction, so an upper-case copy of a step's id
 * changes it once and answers it, and a failure while building the answer
 * rolls the change (and the plan's new version) back.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditTrail } from '@caseflow/audit';
import { createClientAccessLoader, signInternalToken } from '@caseflow/auth';
import { PlanAccess } from '../access/plan-access';
import { createPlansLoaders } from '../loaders';
import type { LockedPlan } from '../plan/plan.change';
import { actorOf, type PlansTestbed, startPlansTestbed } from '../testing/testbed';
import { StepCommands } from './step.commands';
import { calendarDate } from './step.rules';
import type { PlanStep } from './step.type';
import { fixedToday } from '../today';

let bed: PlansTestbed;
beforeAll(async () => {
  bed = await startPlansTestbed();
});
afterAll(() => bed?.stop());

/** An unfinished step of an ACTIVE plan of casey's, with the plan's version; each call hands out another. */
const used = new Set<string>();
async function takeStep(): Promise<{ stepId: string; planId: string; version: number }> {
  const rows = await bed.sql<{ step_id: string; plan_id: string; version: number }>(
    `SELECT s.id AS step_id, p.id AS plan_id, p.version FROM plans.plan_step s JOIN plans.plan_task t ON t.id = s.task_id
       JOIN plans.goal g ON g.id = t.goal_id JOIN plans.action_plan p ON p.id = g.plan_id
      WHERE p.status = 'ACTIVE' AND g.status = 'OPEN' AND s.outcome = 'NOT_STARTED' AND p.created_by = $1 ORDER BY s.id`,
    [actorOf('casey').staffId],
  );
  const row = rows.find((r) => !used.has(r.plan_id))!;
  used.add(row.plan_id);
  return { stepId: row.step_id, planId: row.plan_id, version: row.version };
}
const stored = async (stepId: string, planId: string) => ({
  step: (await bed.sql('SELECT outcome, due_date::text, completed_at::text FROM plans.plan_step WHERE id = $1', [stepId]))[0],
  plan: (await bed.sql('SELECT version, updated_at FROM plans.action_plan WHERE id = $1', [planId]))[0],
  revisions: (await bed.sql<{ n: string }>('SELECT count(*) AS n FROM plans.plan_revision WHERE plan_id = $1', [planId]))[0].n,
});

it('an upper-case copy of a step id changes the step once and answers it', async () => {
  const { stepId, planId, version } = await takeStep();
  const res = await bed.gql<{ updateStep: { id: string; outcome: string } }>(
    'casey',
    `mutation($input: UpdateStepInput!) { updateStep(input: $input) { id outcome } }`,
    {
      input: { stepId: stepId.toUpperCase(), expectedVersion: version, outcome: 'IN_PROGRESS', rationale: 'Started this week' },
    },
  );
  expect(res.errors).toBeUndefined();
  expect(res.data!.updateStep).toEqual({ id: stepId, outcome: 'IN_PROGRESS' });
  expect((await stored(stepId, planId)).plan).toMatchObject({ version: version + 1 });
});

it('a failure while building the answer rolls the step change and the plan version back', async () => {
  class FailingAnswer extends StepCommands {
    protected override async answer(tx: EntityManager, plan: LockedPlan, stepId: string): Promise<PlanStep> {
      await super.answer(tx, plan, stepId);
      throw new Error('the answer could not be built');
    }
  }
  const actor = actorOf('casey');
  const requestId = randomUUID();
  const { dataSource } = bed.t.subgraph.database;
  const audit = new AuditTrail('plans', actor, requestId);
  const grants = createClientAccessLoader(
    { clientsUrl: bed.clientsUrl },
    await signInternalToken({ actor, requestId }, bed.t.secret),
    requestId,
  );
  const today = fixedToday(calendarDate(new Date()));
  const changes = new FailingAnswer({
    dataSource,
    loaders: createPlansLoaders(dataSource, today),
    access: new PlanAccess(grants, audit),
    audit,
    today,
  });
  const { stepId, planId, version } = await takeStep();
  const before = await stored(stepId, planId);
  const audits = (await bed.sql<{ n: string }>('SELECT count(*) AS n FROM plans.audit_event'))[0].n;

  await expect(
    changes.update(actor, { stepId, expectedVersion: version, outcome: 'COMPLETE', rationale: 'Done' } as never),
  ).rejects.toThrow('the answer could not be built');

  expect(await stored(stepId, planId)).toEqual(before);
  expect((await bed.sql<{ n: string }>('SELECT count(*) AS n FROM plans.audit_event'))[0].n).toBe(audits);
});
