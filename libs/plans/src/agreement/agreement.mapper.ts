import { pick } from '@caseflow/core';
import type { PlanAgreementEntity } from './agreement.entity';
import type { PlanAgreement } from './agreement.type';

export function toPlanAgreement(entity: PlanAgreementEntity): PlanAgreement {
  return { ...pick(entity, ['agreedAt', 'method', 'planVersion', 'note']), recordedBy: { id: entity.recordedBy } };
}
