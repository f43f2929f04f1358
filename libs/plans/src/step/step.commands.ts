import type { EntityManager } from 'typeorm';
import { type Actor, isUuid } from '@caseflow/auth';
import { badInput, notFound } from '@caseflow/core';
import { isLive } from '../goal/goal.transitions';
import { inLockedPlan, type PlanWriteDeps } from '../plan/plan.change';
import { checkDate, checkRationale, checkVersion, dateWindow } from '../plan/plan.rules';
import { expectStatus, type LockedPlan, revise } from '../plan/plan.store';
import { PlanStepEntity, type StepOutcome } from './step.entity';
import type { UpdateStepInput } from './step.inputs';
import { toPlanStep } from './step.mapper';
import { applyStepChange, describeStepChange } from './step.rules';
import type { PlanStep } from './step.type';

interface StepPath {
  plan_id: string;
  client_id: string;
  plan_created_at: Date;
}

/** Step updates (outcome, completion, due date), as revisions of their plan (see PlanCommands for the common path). */
export class StepCommands {
  constructor(private readonly deps: PlanWriteDeps) {}

  async update(actor: Actor, input: UpdateStepInput): Promise<PlanStep> {
    if (!isUuid(input.stepId)) throw badInput('input.stepId', 'must be a UUID');
    checkVersion('input.expectedVersion', input.expectedVersion);
    const why = checkRationale('input.rationale', input.rationale);
    const [path]: StepPath[] = await this.deps.dataSource.query(
      `SELECT p.id AS plan_id, p.client_id, p.created_at AS plan_created_at
         FROM plans.plan_step s JOIN plans.plan_task t ON t.id = s.task_id
         JOIN plans.goal g ON g.id = t.goal_id JOIN plans.action_plan p ON p.id = g.plan_id
        WHERE s.id = $1`,
      [input.stepId],
    );
    if (!path) throw notFound('PlanStep', input.stepId);
    await this.deps.access.assertMayWrite(actor, path.client_id, 'UPDATE', 'PlanStep', input.stepId);
    const window = dateWindow(path.plan_created_at);
    checkDate('input.dueDate', input.dueDate, window);
    checkDate('input.completedAt', input.completedAt, window);

    return inLockedPlan(this.deps, path.plan_id, input.expectedVersion, async (tx, locked) => {
      expectStatus(locked, ['DRAFT', 'ACTIVE'], 'changing a step');
      // The plan row's lock covers its steps: every change to a plan's contents takes it first.
      const [current]: Array<{ description: string; outcome: StepOutcome; due_date: string | null; completed_at: string | null }> =
        await tx.query(
          `SELECT description, outcome, due_date::text AS due_date, completed_at::text AS completed_at FROM plans.plan_step WHERE id = $1`,
          [input.stepId],
        );
      const { next, diff } = applyStepChange(
        { outcome: current.outcome, dueDate: current.due_date, completedAt: current.completed_at },
        input,
        this.deps.today,
      );
      await tx.query(`UPDATE plans.plan_step SET outcome = $2, due_date = $3, completed_at = $4 WHERE id = $1`, [
        input.stepId,
        next.outcome,
        next.dueDate,
        next.completedAt,
      ]);
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
    const [goal]: Array<{ status: string }> = await tx.query(
      'SELECT g.status FROM plans.plan_task t JOIN plans.goal g ON g.id = t.goal_id WHERE t.id = $1',
      [step.taskId],
    );
    return toPlanStep(step, this.deps.today, isLive(plan.status, goal.status as Parameters<typeof isLive>[1]));
  }
}
