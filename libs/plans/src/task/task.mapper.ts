import type { PlanTaskEntity } from './task.entity';
import type { PlanTask } from './task.type';

export function toPlanTask(entity: PlanTaskEntity, live: boolean): PlanTask {
  return { id: entity.id, title: entity.title, goalId: entity.goalId, live };
}
