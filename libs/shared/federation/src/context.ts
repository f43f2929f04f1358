import type { Actor } from '@caseflow/auth';
import type { AuditTrail } from '@caseflow/audit';
import type { Logger } from '@caseflow/core';

/** What every subgraph resolver receives: the verified caller and the request's audit trail. */
export interface RequestContext {
  actor: Actor;
  requestId: string;
  /** The internal token this request came with, forwarded when asking another subgraph for the caller. */
  internalToken: string;
  audit: AuditTrail;
  logger: Logger;
}
