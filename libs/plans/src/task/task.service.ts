import type { PlansLoaders } from '../context';
import { isOverdue } from '../step/step.rules';
import type { PlanStepEntity } from '../step/step.entity';
import type { PlanStep } from '../step/step.type';
import type { PlanTaskEntity } from './task.entity';
import type { PlanTask } from './task.type';

export function toPlanTask(entity: PlanTaskEntity): PlanTask {
  return { id: entity.id, title: entity.title, goalId: entity.goalId };
}

export function toPlanStep(entity: PlanStepEntity, today: string): PlanStep {
  return {
    id: entity.id,
    description: entity.description,
    estimatedTime: entity.estimatedTime,
    dueDate: entity.dueDate,
    completedAt: entity.completedAt,
    outcome: entity.outcome,
    whoHelps: entity.whoHelps,
    overdue: isOverdue(entity, today),
    taskId: entity.taskId,
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

  async ofGoal(goal: { id: string }): Promise<PlanTask[]> {
    return (await this.loaders.tasksByGoal.load(goal.id)).map(toPlanTask);
  }

  async stepsOf(task: { id: string }): Promise<PlanStep[]> {
    return (await this.loaders.stepsByTask.load(task.id)).map((s) => toPlanStep(s, this.today));
  }

  async ofStep(step: { taskId: string }): Promise<PlanTask> {
    const entity = await this.loaders.task.load(step.taskId);
    if (!entity) throw new Error(`step refers to a missing task ${step.taskId}`);
    return toPlanTask(entity);
  }
}
