import { type Actor, isUuid } from '@caseflow/auth';
import { badInput, forbidden } from '@caseflow/core';
import type { PlanAccess } from '../access/plan-access';
import type { PlansLoaders } from '../loaders';
import { toProgress } from '../progress/progress.mapper';
import type { PlanProgress } from '../progress/progress.type';
import { toPlanRevision } from '../revision/revision.mapper';
import type { PlanRevision } from '../revision/revision.type';
import type { ActionPlanEntity } from './plan.entity';
import { toActionPlan } from './plan.mapper';
import type { ActionPlan } from './plan.type';

const NO_PROGRESS = { goalsTotal: 0, goalsAchieved: 0, stepsTotal: 0, stepsComplete: 0, overdueSteps: 0 };

/**
 * Plan reads. The grant comes from the clients subgraph for the caller whose
 * internal token this request carries, so `actor` is the same person the
 * grant was decided for. Every plan returned is an audited read; every plan
 * withheld is an audited denial.
 */
export class PlanQueries {
  constructor(
    private readonly loaders: PlansLoaders,
    private readonly access: PlanAccess,
  ) {}

  /** One plan; null when there is no such plan, FORBIDDEN when the caller may not read the client's plans. */
  async get(_actor: Actor, id: string): Promise<ActionPlan | null> {
    if (!isUuid(id)) throw badInput('id', 'must be a UUID');
    const plan = await this.visible(id);
    if (plan === 'denied') throw forbidden("You may not read this client's plans");
    return plan;
  }

  /** For `__resolveReference`: the plan if the caller may read it, otherwise null. */
  async reference(_actor: Actor, id: string): Promise<ActionPlan | null> {
    if (!isUuid(id)) return null;
    const plan = await this.visible(id);
    return plan === 'denied' ? null : plan;
  }

  /** A client's plans, newest first; null (and an audited denial) when the caller may not read them. */
  async forClient(_actor: Actor, clientId: string): Promise<ActionPlan[] | null> {
    const entities = await this.entitiesOf(clientId);
    if (!entities) return null;
    for (const e of entities) this.access.noteRead('ActionPlan', e.id, e.clientId);
    return entities.map(toActionPlan);
  }

  /** A client's ACTIVE plan, from the same batched load as `forClient`. */
  async activeForClient(_actor: Actor, clientId: string): Promise<ActionPlan | null> {
    const active = (await this.entitiesOf(clientId))?.find((e) => e.status === 'ACTIVE');
    if (!active) return null;
    this.access.noteRead('ActionPlan', active.id, active.clientId);
    return toActionPlan(active);
  }

  /** The plan a goal belongs to; the goal was reached through a plan (or goal) already checked. */
  async ofGoal(goal: { planId: string }): Promise<ActionPlan> {
    const entity = await this.loaders.plan.load(goal.planId);
    if (!entity) throw new Error(`goal refers to a missing plan ${goal.planId}`);
    return toActionPlan(entity);
  }

  /** Computed for every plan of the request in one aggregate statement; the plan was already checked. */
  async progressOf(plan: { id: string }): Promise<PlanProgress> {
    return toProgress((await this.loaders.progress.load(plan.id)) ?? NO_PROGRESS);
  }

  /** The plan's history, oldest first; the plan was already checked. */
  async revisionsOf(plan: { id: string }): Promise<PlanRevision[]> {
    return (await this.loaders.revisionsByPlan.load(plan.id)).map(toPlanRevision);
  }

  /** The revisions that changed one goal or step, oldest first; the goal or step was reached through a checked plan. */
  async revisionsOfEntity(entity: { id: string }): Promise<PlanRevision[]> {
    return (await this.loaders.revisionsByEntity.load(entity.id)).map(toPlanRevision);
  }

  private async visible(id: string): Promise<ActionPlan | null | 'denied'> {
    const entity = await this.loaders.plan.load(id);
    if (!entity) return null;
    if (!(await this.access.mayRead(entity.clientId))) {
      this.access.noteDenied('ActionPlan', entity.id, entity.clientId);
      return 'denied';
    }
    this.access.noteRead('ActionPlan', entity.id, entity.clientId);
    return toActionPlan(entity);
  }

  /** Access first, then the rows: nothing is read for a client the caller may not see. */
  private async entitiesOf(clientId: string): Promise<ActionPlanEntity[] | null> {
    if (!(await this.access.mayRead(clientId))) {
      this.access.noteDenied('ActionPlan', null, clientId);
      return null;
    }
    return this.loaders.plansByClient.load(clientId);
  }
}
