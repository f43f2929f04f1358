import type { ActionPlanEntity } from './plan.entity';
import type { ActionPlan } from './plan.type';

export function toActionPlan(entity: ActionPlanEntity): ActionPlan {
  return {
    id: entity.id,
    client: { id: entity.clientId },
    status: entity.status,
    createdAt: entity.createdAt,
    createdBy: { id: entity.createdBy },
    version: entity.version,
    clientId: entity.clientId,
  };
}
