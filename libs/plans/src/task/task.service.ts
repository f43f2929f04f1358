import type { PlansLoaders } from '../loaders';
import type { GoalStatus } from '../goal/goal.entity';
import type { PlanStatus } from '../plan/plan.entity';
import { isLive } from '../plan/plan.transitions';
import type { PlanStepEntity } from '../step/step.entity';
import { isOverdue } from '../step/step.rules';
import type { PlanStep } from '../step/step.type';
import type { PlanTaskEntity } from './task.entity';
import type { PlanTask } from './task.type';

export function toPlanTask(entity: PlanTaskEntity, live: boolean): PlanTask {
  return { id: entity.id, title: entity.title, goalId: entity.goalId, live };
}

/** `live`: the step belongs to an OPEN goal of a draft or active plan; only such a step can be overdue. */
export function toPlanStep(entity: PlanStepEntity, today: string, live: boolean): PlanStep {
  return {
    id: entity.id,
    description: entity.description,
    estimatedTime: entity.estimatedTime,
    dueDate: entity.dueDate,
    completedAt: entity.completedAt,
    outcome: entity.outcome,
    whoHelps: entity.whoHelps,
    overdue: live && isOverdue(entity, today),
    taskId: entity.taskId,
    live,
  };
}

/**
 * Tasks and steps, always reached through a goal the caller was allowed to
 * read, so no further access check is made here. `today` is fixed for the
 * request, so that every step of one answer is judged against the same date.
 */
export class TaskService {
  constructor(
    private readonly loaders: PlansLoaders,
    private readonly today: string,
  ) {}

  async ofGoal(goal: { id: string; planStatus: PlanStatus; status: GoalStatus }): Promise<PlanTask[]> {
    const live = isLive(goal.planStatus, goal.status);
    return (await this.loaders.tasksByGoal.load(goal.id)).map((t) => toPlanTask(t, live));
  }

  async stepsOf(task: { id: string; live: boolean }): Promise<PlanStep[]> {
    return (await this.loaders.stepsByTask.load(task.id)).map((s) => toPlanStep(s, this.today, task.live));
  }

  async ofStep(step: { taskId: string; live: boolean }): Promise<PlanTask> {
    const entity = await this.loaders.task.load(step.taskId);
    if (!entity) throw new Error(`step refers to a missing task ${step.taskId}`);
    return toPlanTask(entity, step.live);
  }
}
