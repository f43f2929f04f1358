import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { type Actor, isUuid } from '@caseflow/auth';
import { badInput, invalidTransition, notFound } from '@caseflow/core';
import type { PlanStepInput, PlanTaskInput } from '../goal/goal.inputs';
import { GoalEntity } from '../goal/goal.entity';
import { changedPlan, inLockedPlan, type LockedPlan, type PlanWriteDeps, revise, type Revision } from '../plan/plan.change';
import type { ActionPlanEntity } from '../plan/plan.entity';
import { checkRationale, checkStep, checkTask, checkVersion, dateWindow, expectStatus, PLAN_LIMITS } from '../plan/plan.rules';
import type { ActionPlan } from '../plan/plan.type';
import { PlanStepEntity } from '../step/step.entity';
import { insertSteps, stepSlots } from '../step/step.sql';
import { insertTasks, taskSlots } from './task.sql';

const label = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** Where a new task or step goes: the plan, and the goal whose status decides whether it can grow. */
interface Place {
  plan: ActionPlanEntity;
  goal: GoalEntity;
}

/**
 * Growing a plan without a new goal: a major task added to a goal, a step
 * added to a task. Each is a revision of the plan on the common path
 * (plan.change.ts): input → the goal or task exists → the caller may change
 * the case → the plan's dates → version → the plan (DRAFT or ACTIVE) and the
 * goal (OPEN) allow it → the size limit; nothing is written on a failure.
 */
export class TaskCommands {
  constructor(private readonly deps: PlanWriteDeps) {}

  /** Appends a major task (with its steps) to an OPEN goal of a draft or active plan. */
  async addTask(actor: Actor, goalId: string, expectedVersion: number, task: PlanTaskInput, rationale: string): Promise<ActionPlan> {
    if (!isUuid(goalId)) throw badInput('goalId', 'must be a UUID');
    const why = this.checkChange(expectedVersion, rationale);
    const goal = await this.deps.loaders.goal.load(goalId);
    const plan = goal ? await this.deps.loaders.plan.load(goal.planId) : null;
    if (!goal || !plan) throw notFound('Goal', goalId);
    await this.deps.access.assertMayWrite(actor, plan.clientId, 'UPDATE', 'Goal', goal.id);
    const draft = checkTask('task', task, dateWindow(plan.createdAt));

    return this.grow(actor, { plan, goal }, expectedVersion, 'adding a task', async (tx) => {
      const [{ count, next }] = await taskSlots(tx, { goalId: goal.id });
      if (count >= PLAN_LIMITS.tasksPerGoal) {
        throw badInput('task', `cannot be added: the goal already has ${PLAN_LIMITS.tasksPerGoal} tasks`);
      }
      const taskId = randomUUID();
      await insertTasks(tx, { tasks: [{ id: taskId, goalId: goal.id, position: next, title: draft.title }] });
      if (draft.steps.length > 0) await insertSteps(tx, { steps: draft.steps.map((step, position) => ({ taskId, position, ...step })) });
      return {
        rationale: why,
        summary: `Task added to goal "${label(goal.description)}": "${label(draft.title)}" (${draft.steps.length} step(s))`,
        entityType: 'Goal',
        entityId: goal.id,
        changes: { task: [null, draft.title] },
        audit: `task ${taskId} added to goal ${goal.id}`,
      };
    });
  }

  /** Appends a step to a task of an OPEN goal of a draft or active plan. */
  async addStep(actor: Actor, taskId: string, expectedVersion: number, step: PlanStepInput, rationale: string): Promise<ActionPlan> {
    if (!isUuid(taskId)) throw badInput('taskId', 'must be a UUID');
    const why = this.checkChange(expectedVersion, rationale);
    const task = await this.deps.loaders.task.load(taskId);
    const goal = task ? await this.deps.loaders.goal.load(task.goalId) : null;
    const plan = goal ? await this.deps.loaders.plan.load(goal.planId) : null;
    if (!task || !goal || !plan) throw notFound('PlanTask', taskId);
    await this.deps.access.assertMayWrite(actor, plan.clientId, 'UPDATE', 'PlanTask', task.id);
    const draft = checkStep('step', step, dateWindow(plan.createdAt));

    return this.grow(actor, { plan, goal }, expectedVersion, 'adding a step', async (tx) => {
      const [{ count, next }] = await stepSlots(tx, { taskId: task.id });
      if (count >= PLAN_LIMITS.stepsPerTask) {
        throw badInput('step', `cannot be added: the task already has ${PLAN_LIMITS.stepsPerTask} steps`);
      }
      const stepId = randomUUID();
      await tx.insert(PlanStepEntity, { id: stepId, taskId: task.id, position: next, outcome: 'NOT_STARTED', ...draft });
      return {
        rationale: why,
        summary: `Step added to task "${label(task.title)}": "${label(draft.description)}"${draft.dueDate ? `, due ${draft.dueDate}` : ''}`,
        entityType: 'PlanStep',
        entityId: stepId,
        changes: { step: [null, draft.description], ...(draft.dueDate ? { dueDate: [null, draft.dueDate] } : {}) },
        audit: `step ${stepId} added to task ${task.id}`,
      };
    });
  }

  /** The expected version and the trimmed rationale, checked before anything is read. */
  private checkChange(expectedVersion: number, rationale: string): string {
    checkVersion('expectedVersion', expectedVersion);
    return checkRationale('rationale', rationale);
  }

  /**
   * Runs `write` in the locked plan once the version, the plan's status and
   * the goal's status allow it, then records the revision it describes and
   * the audit event, and answers the changed plan.
   */
  private grow(
    actor: Actor,
    place: Place,
    expectedVersion: number,
    doing: string,
    write: (tx: EntityManager, locked: LockedPlan) => Promise<Revision & { audit: string }>,
  ): Promise<ActionPlan> {
    return inLockedPlan(this.deps, place.plan.id, expectedVersion, async (tx, locked) => {
      expectStatus(locked, ['DRAFT', 'ACTIVE'], doing);
      // The plan row's lock covers its goals: a goal's status changes only under it.
      const goal = await tx.findOneByOrFail(GoalEntity, { id: place.goal.id });
      if (goal.status !== 'OPEN') {
        throw invalidTransition(`A goal that is ${goal.status} takes no new work: re-open it first (${doing})`, { status: goal.status });
      }
      const { audit, ...revision } = await write(tx, locked);
      const version = await revise(tx, locked, actor, revision);
      await this.deps.audit.write(tx, {
        action: 'UPDATE',
        entityType: 'ActionPlan',
        entityId: locked.id,
        clientId: locked.clientId,
        detail: `${audit}; version ${version}`,
      });
      return changedPlan(tx, locked.id);
    });
  }
}
