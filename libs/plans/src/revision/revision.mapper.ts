import { pick } from '@caseflow/core';
import type { PlanRevisionEntity } from './revision.entity';
import type { PlanRevision } from './revision.type';

export function toPlanRevision(entity: PlanRevisionEntity): PlanRevision {
  return { ...pick(entity, ['id', 'revisedAt', 'rationale', 'summary', 'version']), revisedBy: { id: entity.revisedBy } };
}
