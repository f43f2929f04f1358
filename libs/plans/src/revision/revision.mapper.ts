import type { PlanRevisionEntity } from './revision.entity';
import type { PlanRevision } from './revision.type';

export function toPlanRevision(entity: PlanRevisionEntity): PlanRevision {
  return {
    id: entity.id,
    revisedAt: entity.revisedAt,
    revisedBy: { id: entity.revisedBy },
    rationale: entity.rationale,
    summary: entity.summary,
    version: entity.version,
  };
}
