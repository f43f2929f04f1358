import type { ClosureRequestEntity } from './closure-request.entity';
import type { ClosureRequest } from './closure-request.type';

export function toClosureRequest(e: ClosureRequestEntity): ClosureRequest {
  return {
    id: e.id,
    clientId: e.clientId,
    organizationId: e.organizationId,
    requestedById: e.requestedBy,
    decidedById: e.decidedBy,
    requestedAt: e.requestedAt,
    outcome: e.outcome,
    nextSteps: e.nextSteps,
    rationale: e.rationale,
    status: e.status,
    decidedAt: e.decidedAt,
    decisionNote: e.decisionNote,
  };
}
