import type { EntityManager } from 'typeorm';
import { type Actor, isUuid } from '@caseflow/auth';
import { badInput, notFound } from '@caseflow/core';
import { isLive } from '../goal/goal.transitions';
import { inLockedPlan, type LockedPlan, type PlanWriteDeps, revise } from '../plan/plan.change';
import { checkDate, checkRationale, checkVersion, dateWindow, expectStatus } from '../plan/plan.rules';
import { PlanStepEntity } from './step.entity';
import type { UpdateStepInput } from './step.inputs';
import { toPlanStep } from './step.mapper';
import { applyStepChange, describeStepChange } from './step.rules';
import { goalStatusOfTask, stepPath } from './step.sql';
import type { PlanStep } from './step.type';

/** Step updates (outcome, completion, due date), as revisions of their plan (see PlanCommands for the common path). */
export class StepCommands {
  constructor(private readonly deps: PlanWriteDeps) {}

  async update(actor: Actor, input: UpdateStepInput): Promise<PlanStep> {
    if (!isUuid(input.stepId)) throw badInput('input.stepId', 'must be a UUID');
    checkVersion('input.expectedVersion', input.expectedVersion);
    const why = checkRationale('input.rationale', input.rationale);
    const [path] = await stepPath(this.deps.dataSource.manager, { stepId: input.stepId });
    if (!path) throw notFound('PlanStep', input.stepId);
    await this.deps.access.assertMayWrite(actor, path.client_id, 'UPDATE', 'PlanStep', input.stepId);
    const window = dateWindow(path.plan_created_at);
    checkDate('input.dueDate', input.dueDate, window);
    checkDate('input.completedAt', input.completedAt, window);

    const today = await this.deps.today();
    return inLockedPlan(this.deps, path.plan_id, input.expectedVersion, async (tx, locked) => {
      expectStatus(locked, ['DRAFT', 'ACTIVE'], 'changing a step');
      // The plan row's lock covers its steps: every change to a plan's contents takes it first.
      const current = await tx.findOneByOrFail(PlanStepEntity, { id: input.stepId });
      const { next, diff } = applyStepChange(current, input, today);
      await tx.update(PlanStepEntity, { id: input.stepId }, next);
      const version = await revise(tx, locked, actor, {
        rationale: why,
        summary: describeStepChange(current.description, diff),
        entityType: 'PlanStep',
        entityId: input.stepId,
        changes: diff,
      });
      await this.deps.audit.write(tx, {
        action: 'UPDATE',
        entityType: 'PlanStep',
        entityId: input.stepId,
        clientId: locked.clientId,
        detail: `${Object.keys(diff).join(', ')}; version ${version}`,
      });
      return this.answer(tx, locked, input.stepId);
    });
  }

  /** The changed step, read inside the change's transaction: a failure here rolls the change back rather than hiding it. */
  protected async answer(tx: EntityManager, plan: LockedPlan, stepId: string): Promise<PlanStep> {
    const step = await tx.getRepository(PlanStepEntity).findOneByOrFail({ id: stepId });
    const [goal] = await goalStatusOfTask(tx, { taskId: step.taskId });
    return toPlanStep(step, await this.deps.today(), isLive(plan.status, goal.status));
  }
}
