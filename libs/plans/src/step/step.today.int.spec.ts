/**
 * A step's `overdue` follows the caller's agency's day. A testbed of its own:
 * the subgraph keeps an agency's time zone for a minute, so the zone is set
 * before the first request.
 */
import { addDays, localDay } from '@caseflow/core';
import { demoStaff } from '@caseflow/demo';
import { type PlansTestbed, startPlansTestbed } from '../testing/testbed';

const VANCOUVER = 'America/Vancouver';
const casey = demoStaff('casey');

let bed: PlansTestbed;
beforeAll(async () => {
  bed = await startPlansTestbed();
  bed.access.timeZones.set(casey.organizationId, VANCOUVER);
});
afterAll(() => bed?.stop());

const setDue = (stepId: string, day: string) => bed.sql('UPDATE plans.plan_step SET due_date = $2::date WHERE id = $1', [stepId, day]);

it("shows Step.overdue by the caller's agency's day", async () => {
  const { plan, step } = bed.takePlan(casey.id);
  const STEP = `query($id: ID!) { actionPlan(id: $id) { goals { tasks { steps { id dueDate overdue } } } } }`;
  const read = async () => {
    const res = await bed.gql<{ actionPlan: { goals: Array<{ tasks: Array<{ steps: Array<{ id: string; overdue: boolean }> }> }> } }>(
      'casey',
      STEP,
      { id: plan.id },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.actionPlan.goals.flatMap((g) => g.tasks.flatMap((t) => t.steps)).find((s) => s.id === step.id)!.overdue;
  };
  const today = localDay(new Date(), VANCOUVER);
  await setDue(step.id, today);
  expect(await read()).toBe(false);
  await setDue(step.id, addDays(today, -1));
  expect(await read()).toBe(true);
});
