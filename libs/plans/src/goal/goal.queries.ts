import { type Actor, isUuid } from '@caseflow/auth';
import type { PlanAccess } from '../access/plan-access';
import type { PlansLoaders } from '../loaders';
import type { PlanStatus } from '../plan/plan.entity';
import { toGoal } from './goal.mapper';
import type { Goal } from './goal.type';

/** Goal reads: by plan (the plan is already checked) or by reference (checked here, through the goal's plan). */
export class GoalQueries {
  constructor(
    private readonly loaders: PlansLoaders,
    private readonly access: PlanAccess,
  ) {}

  async ofPlan(plan: { id: string; status: PlanStatus }): Promise<Goal[]> {
    return (await this.loaders.goalsByPlan.load(plan.id)).map((g) => toGoal(g, plan.status));
  }

  /** The plan's OPEN goals with a SMART answer still "no", for the dashboard to prompt about. */
  async notSmartOf(plan: { id: string; status: PlanStatus }): Promise<Goal[]> {
    return (await this.ofPlan(plan)).filter((g) => g.status === 'OPEN' && g.smart.missing.length > 0);
  }

  /** The goal a task belongs to; the task was reached through a goal already checked. */
  async ofTask(task: { goalId: string }): Promise<Goal> {
    const entity = await this.loaders.goal.load(task.goalId);
    const plan = entity ? await this.loaders.plan.load(entity.planId) : null;
    if (!entity || !plan) throw new Error(`task refers to a missing goal ${task.goalId}`);
    return toGoal(entity, plan.status);
  }

  /** For `__resolveReference`: the goal if the caller may read its client's plans, otherwise null (denials audited). */
  async reference(_actor: Actor, id: string): Promise<Goal | null> {
    if (!isUuid(id)) return null;
    const goal = await this.loaders.goal.load(id);
    if (!goal) return null;
    const plan = await this.loaders.plan.load(goal.planId);
    if (!plan) return null;
    if (!(await this.access.mayRead(plan.clientId))) {
      this.access.noteDenied('Goal', goal.id, plan.clientId);
      return null;
    }
    this.access.noteRead('Goal', goal.id, plan.clientId);
    return toGoal(goal, plan.status);
  }
}
