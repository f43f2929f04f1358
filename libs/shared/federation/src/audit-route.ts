import type { DataSource } from 'typeorm';
import { type AuditTrailQuery, type AuditRecord, readAuditTrail } from '@caseflow/audit';
import { type Actor, isUuid } from '@caseflow/auth';
import { badInput } from '@caseflow/core';
import type { InternalRoute } from './subgraph-server';

export const AUDIT_TRAIL_PATH = '/internal/audit-trail';

/**
 * A subgraph's part of a client's audit trail, for the clients subgraph to
 * merge (on a supervisor's behalf; `authorize` decides, failing closed).
 */
export function auditTrailRoute(
  dataSource: DataSource,
  schema: string,
  source: string,
  authorize: (actor: Actor, token: string, requestId: string, clientId: string) => Promise<void>,
): InternalRoute {
  return async (body, caller): Promise<{ events: AuditRecord[] }> => {
    const query = body as Partial<AuditTrailQuery>;
    if (!isUuid(query.clientId)) throw badInput('clientId', 'must be a UUID');
    const limit = Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 101) throw badInput('limit', 'must be a whole number from 1 to 101');
    await authorize(caller.actor, caller.token, caller.requestId, query.clientId);
    return { events: await readAuditTrail(dataSource, schema, source, { clientId: query.clientId, before: query.before ?? null, limit }) };
  };
}
