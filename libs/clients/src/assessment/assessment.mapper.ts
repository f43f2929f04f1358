import type { AssessmentEntity, AssessmentItemEntity } from './assessment.entity';
import type { AssessmentItem, NeedsAssessment } from './assessment.type';

export function toAssessment(entity: AssessmentEntity): NeedsAssessment {
  return {
    id: entity.id,
    assessedAt: entity.assessedAt,
    barrierCount: entity.barrierCount,
    assetCount: entity.assetCount,
    summary: entity.summary,
    clientId: entity.clientId,
    assessedById: entity.assessedBy,
  };
}

export function toItem(entity: AssessmentItemEntity): AssessmentItem {
  return {
    domain: entity.domain,
    characteristic: entity.characteristic,
    rating: entity.rating,
    notes: entity.notes,
    planToCompensate: entity.planHow ? { how: entity.planHow, byWhen: entity.planByWhen, whoHelps: entity.planWhoHelps } : null,
  };
}
