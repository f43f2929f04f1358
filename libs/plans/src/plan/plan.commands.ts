import { randomUUID } from 'node:crypto';
import { IsNull, Not, type EntityManager } from 'typeorm';
import { type Actor, isUuid } from '@caseflow/auth';
import { badInput, conflict, invalidTransition, notFound } from '@caseflow/core';
import type { GoalInput } from '../goal/goal.inputs';
import { clearLoaders } from '../loaders';
import { goalSlots } from '../goal/goal.sql';
import { GoalEntity } from '../goal/goal.entity';
import {
  changedPlan,
  inLockedPlan,
  insertGoalTrees,
  isSecondActivePlan,
  type LockedPlan,
  lockActivePlan,
  type PlanWriteDeps,
  revise,
} from './plan.change';
import { ActionPlanEntity, type PlanStatus } from './plan.entity';
import { watchingOverdueSteps } from './plan.events';
import type { CreateActionPlanInput } from './plan.inputs';
import { canMovePlan } from './plan.transitions';
import type { ActionPlan } from './plan.type';
import { checkGoal, checkGoals, checkRationale, checkVersion, dateWindow, expectStatus, PLAN_LIMITS } from './plan.rules';

const label = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/**
 * Changes to plans as a whole: creating, adding a goal, and moving a plan
 * through DRAFT → ACTIVE → COMPLETED | CANCELLED. Each change is validated
 * before anything is written, checked against the caller's right to change
 * the client's case, made in one transaction at the version the caller read,
 * kept as a revision, and audited inside that transaction.
 */
export class PlanCommands {
  constructor(private readonly deps: PlanWriteDeps) {}

  /** A new plan for a client, DRAFT or (by default) ACTIVE; activating it completes the client's previous active plan. */
  async create(actor: Actor, input: CreateActionPlanInput): Promise<ActionPlan> {
    if (!isUuid(input.clientId)) throw badInput('input.clientId', 'must be a UUID');
    const activate = input.activate ?? true;
    const goals = checkGoals('input.goals', input.goals, dateWindow(new Date()));
    if (activate && goals.length === 0) throw badInput('input.goals', 'must hold at least one goal when the plan is activated at once');
    const grant = await this.deps.access.assertMayWrite(actor, input.clientId, 'CREATE', 'ActionPlan', null);

    const planId = randomUUID();
    const status: PlanStatus = activate ? 'ACTIVE' : 'DRAFT';
    const today = await this.deps.today();
    const plan = { id: planId, clientId: input.clientId, organizationId: grant.organizationId };
    const created = await this.racingActivations(() =>
      this.deps.dataSource.transaction((tx) =>
        watchingOverdueSteps(tx, plan, today, async () => {
          if (activate) await this.completeActivePlan(tx, actor, input.clientId, planId);
          await tx.insert(ActionPlanEntity, {
            id: planId,
            clientId: input.clientId,
            organizationId: grant.organizationId,
            status,
            createdBy: actor.staffId,
          });
          await insertGoalTrees(tx, planId, goals, 0, activate ? 'now' : null);
          await this.deps.audit.write(tx, {
            action: 'CREATE',
            entityType: 'ActionPlan',
            entityId: planId,
            clientId: input.clientId,
            detail: `${status}, ${goals.length} goal(s)`,
          });
          return this.answer(tx, planId);
        }),
      ),
    );
    clearLoaders(this.deps.loaders);
    return created;
  }

  /** Adds a goal (with its tasks and steps) to a draft or active plan. */
  async addGoal(actor: Actor, planId: string, expectedVersion: number, goal: GoalInput, rationale: string): Promise<ActionPlan> {
    const { plan, why } = await this.target(planId, expectedVersion, rationale);
    await this.deps.access.assertMayWrite(actor, plan.clientId, 'UPDATE', 'ActionPlan', plan.id);
    const draft = checkGoal('goal', goal, dateWindow(plan.createdAt));

    return inLockedPlan(this.deps, plan.id, expectedVersion, async (tx, locked) => {
      expectStatus(locked, ['DRAFT', 'ACTIVE'], 'adding a goal');
      const [{ count, next }] = await goalSlots(tx, { planId: locked.id });
      if (count >= PLAN_LIMITS.goals) throw badInput('goal', `cannot be added: the plan already has ${PLAN_LIMITS.goals} goals`);
      const [goalId] = await insertGoalTrees(tx, locked.id, [draft], next, locked.status === 'ACTIVE' ? 'now' : null);
      const version = await revise(tx, locked, actor, {
        rationale: why,
        summary: `Goal added: "${label(draft.description)}" (${draft.term}, ${draft.tasks.length} task(s))`,
        entityType: 'Goal',
        entityId: goalId,
        changes: { goal: [null, draft.description] },
      });
      await this.deps.audit.write(tx, {
        action: 'UPDATE',
        entityType: 'ActionPlan',
        entityId: locked.id,
        clientId: locked.clientId,
        detail: `goal added; version ${version}`,
      });
      return this.answer(tx, locked.id);
    });
  }

  /** ACTIVE → COMPLETED. */
  completePlan(actor: Actor, planId: string, expectedVersion: number, rationale?: string | null): Promise<ActionPlan> {
    return this.move(actor, planId, expectedVersion, 'COMPLETED', rationale ?? 'Plan completed.');
  }

  /** DRAFT → ACTIVE; the client's previous active plan, if any, is completed. */
  activatePlan(actor: Actor, planId: string, expectedVersion: number, rationale?: string | null): Promise<ActionPlan> {
    return this.move(actor, planId, expectedVersion, 'ACTIVE', rationale ?? 'Plan agreed with the client and activated.');
  }

  /** DRAFT or ACTIVE → CANCELLED; the reason is required. */
  cancelPlan(actor: Actor, planId: string, expectedVersion: number, rationale: string): Promise<ActionPlan> {
    return this.move(actor, planId, expectedVersion, 'CANCELLED', rationale);
  }

  private async move(actor: Actor, planId: string, expectedVersion: number, to: PlanStatus, rationale: string): Promise<ActionPlan> {
    const { plan, why } = await this.target(planId, expectedVersion, rationale);
    await this.deps.access.assertMayWrite(actor, plan.clientId, 'TRANSITION', 'ActionPlan', plan.id);

    return this.racingActivations(() =>
      inLockedPlan(this.deps, plan.id, expectedVersion, async (tx, locked) => {
        const from = locked.status;
        if (!canMovePlan(from, to)) throw invalidTransition(`A ${from} plan cannot become ${to}`, { status: from });
        if (to === 'ACTIVE') {
          const goals = await tx.countBy(GoalEntity, { planId: locked.id, status: Not('CANCELLED') });
          if (goals === 0) throw invalidTransition('A plan without goals cannot be activated', { status: from });
          await this.completeActivePlan(tx, actor, locked.clientId, locked.id);
          await tx.update(GoalEntity, { planId: locked.id, setAt: IsNull() }, { setAt: () => 'now()' });
        }
        const version = await revise(tx, locked, actor, {
          rationale: why,
          summary: `Plan ${to === 'ACTIVE' ? 'activated' : to.toLowerCase()}`,
          entityType: 'ActionPlan',
          entityId: locked.id,
          changes: { status: [from, to] },
          status: to,
        });
        await this.deps.audit.write(tx, {
          action: 'TRANSITION',
          entityType: 'ActionPlan',
          entityId: locked.id,
          clientId: locked.clientId,
          detail: `${from} -> ${to}; version ${version}`,
        });
        return this.answer(tx, locked.id);
      }),
    );
  }

  /** One active plan per client: the one there is becomes COMPLETED, as a revision of it. */
  private async completeActivePlan(tx: EntityManager, actor: Actor, clientId: string, replacementId: string): Promise<void> {
    const active: LockedPlan | null = await lockActivePlan(tx, clientId);
    if (!active || active.id === replacementId) return;
    const version = await revise(tx, active, actor, {
      rationale: 'A new active plan replaces this one.',
      summary: 'Plan completed: replaced by a new active plan',
      entityType: 'ActionPlan',
      entityId: active.id,
      changes: { status: ['ACTIVE', 'COMPLETED'], replacedBy: [null, replacementId] },
      status: 'COMPLETED',
    });
    await this.deps.audit.write(tx, {
      action: 'TRANSITION',
      entityType: 'ActionPlan',
      entityId: active.id,
      clientId,
      detail: `ACTIVE -> COMPLETED (replaced); version ${version}`,
    });
  }

  /** Two activations for one client at once: the database's one-active-plan index lets one win; the other is a CONFLICT. */
  private async racingActivations<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isSecondActivePlan(error)) throw conflict('Another plan of this client was activated at the same time; reload and try again');
      throw error;
    }
  }

  /** The plan a change is about and the trimmed rationale, after checking the arguments that need no plan; NOT_FOUND when there is none. */
  private async target(planId: string, expectedVersion: number, rationale: string): Promise<{ plan: ActionPlanEntity; why: string }> {
    if (!isUuid(planId)) throw badInput('planId', 'must be a UUID');
    checkVersion('expectedVersion', expectedVersion);
    const why = checkRationale('rationale', rationale);
    const plan = await this.deps.loaders.plan.load(planId);
    if (!plan) throw notFound('ActionPlan', planId);
    return { plan, why };
  }

  /** The changed plan, read inside the change's transaction: a failure here rolls the change back rather than hiding it. */
  private answer(tx: EntityManager, planId: string): Promise<ActionPlan> {
    return changedPlan(tx, planId);
  }
}
