import { type Actor, isUuid } from '@caseflow/auth';
import { badInput, invalidTransition, notFound } from '@caseflow/core';
import { inLockedPlan, type PlanWriteDeps, revise } from '../plan/plan.change';
import { checkRationale, checkVersion, expectStatus } from '../plan/plan.rules';
import { GoalEntity, type GoalStatus } from './goal.entity';
import { toGoal } from './goal.mapper';
import { canMoveGoal } from './goal.transitions';
import type { Goal } from './goal.type';

const label = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** Closing and reopening goals, as revisions of their plan (see PlanCommands for the common path). */
export class GoalCommands {
  constructor(private readonly deps: PlanWriteDeps) {}

  /** OPEN → ACHIEVED | NOT_ACHIEVED | CANCELLED, or a closed goal back to OPEN; anything else is INVALID_TRANSITION. */
  async setStatus(actor: Actor, goalId: string, expectedVersion: number, status: GoalStatus, rationale: string): Promise<Goal> {
    if (!isUuid(goalId)) throw badInput('goalId', 'must be a UUID');
    checkVersion('expectedVersion', expectedVersion);
    const why = checkRationale('rationale', rationale);
    const goal = await this.deps.loaders.goal.load(goalId);
    const plan = goal ? await this.deps.loaders.plan.load(goal.planId) : null;
    if (!goal || !plan) throw notFound('Goal', goalId);
    await this.deps.access.assertMayWrite(actor, plan.clientId, 'UPDATE', 'Goal', goal.id);

    return inLockedPlan(this.deps, plan.id, expectedVersion, async (tx, locked) => {
      expectStatus(locked, ['DRAFT', 'ACTIVE'], 'changing a goal');
      // The plan row's lock covers its goals: every change to a plan's contents takes it first.
      const current = await tx.findOneByOrFail(GoalEntity, { id: goal.id });
      if (!canMoveGoal(current.status, status)) {
        throw invalidTransition(`A goal that is ${current.status} cannot become ${status}`, { status: current.status });
      }
      await tx.update(GoalEntity, { id: goal.id }, { status });
      const version = await revise(tx, locked, actor, {
        rationale: why,
        summary: `Goal "${label(current.description)}": ${current.status} → ${status}`,
        entityType: 'Goal',
        entityId: goal.id,
        changes: { status: [current.status, status] },
      });
      await this.deps.audit.write(tx, {
        action: 'UPDATE',
        entityType: 'Goal',
        entityId: goal.id,
        clientId: locked.clientId,
        detail: `status ${current.status} -> ${status}; version ${version}`,
      });
      // The answer is read inside the change's transaction: a failure here rolls the change back rather than hiding it.
      return toGoal(await tx.getRepository(GoalEntity).findOneByOrFail({ id: goal.id }), locked.status);
    });
  }
}
