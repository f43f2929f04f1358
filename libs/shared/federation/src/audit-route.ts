import type { DataSource } from 'typeorm';
import { type AuditTrailQuery, type AuditRecord, readAuditTrail } from '@caseflow/audit';
import { assertSupervisorOfClient, type ClientAccessOptions, isUuid } from '@caseflow/auth';
import { badInput } from '@caseflow/core';
import type { InternalRoute } from './subgraph-server';

export const AUDIT_TRAIL_PATH = '/internal/audit-trail';

/**
 * A subgraph's part of a client's audit trail (its audit table in `schema`),
 * for the clients subgraph to merge on a supervisor's behalf: the caller must
 * be a supervisor with case access to the client, asked of the clients
 * subgraph at `access.clientsUrl`, failing closed.
 */
export function auditTrailRoute(dataSource: DataSource, schema: string, access: ClientAccessOptions): InternalRoute {
  return async (body, caller): Promise<{ events: AuditRecord[] }> => {
    const query = body as Partial<AuditTrailQuery>;
    if (!isUuid(query.clientId)) throw badInput('clientId', 'must be a UUID');
    const limit = Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 101) throw badInput('limit', 'must be a whole number from 1 to 101');
    await assertSupervisorOfClient(access, caller.actor, caller.token, caller.requestId, query.clientId);
    return { events: await readAuditTrail(dataSource, schema, schema, { clientId: query.clientId, before: query.before ?? null, limit }) };
  };
}
