import type { GoalStatus } from '../goal/goal.entity';
import type { PlansLoaders } from '../loaders';
import type { PlanStatus } from '../plan/plan.entity';
import { isLive } from '../goal/goal.transitions';
import { toPlanTask } from './task.mapper';
import type { PlanTask } from './task.type';

/** Tasks, always reached through a goal the caller was allowed to read, so no further access check is made here. */
export class TaskQueries {
  constructor(private readonly loaders: PlansLoaders) {}

  async ofGoal(goal: { id: string; planStatus: PlanStatus; status: GoalStatus }): Promise<PlanTask[]> {
    const live = isLive(goal.planStatus, goal.status);
    return (await this.loaders.tasksByGoal.load(goal.id)).map((t) => toPlanTask(t, live));
  }

  async ofStep(step: { taskId: string; live: boolean }): Promise<PlanTask> {
    const entity = await this.loaders.task.load(step.taskId);
    if (!entity) throw new Error(`step refers to a missing task ${step.taskId}`);
    return toPlanTask(entity, step.live);
  }
}
