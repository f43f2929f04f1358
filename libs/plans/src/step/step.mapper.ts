import type { PlanStepEntity } from './step.entity';
import { isOverdue } from './step.rules';
import type { PlanStep } from './step.type';

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
