import type { PlanAgreementEntity } from './agreement.entity';
import type { PlanAgreement } from './agreement.type';

export function toPlanAgreement(entity: PlanAgreementEntity): PlanAgreement {
  return {
    agreedAt: entity.agreedAt,
    method: entity.method,
    recordedBy: { id: entity.recordedBy },
    planVersion: entity.planVersion,
    note: entity.note,
  };
}
