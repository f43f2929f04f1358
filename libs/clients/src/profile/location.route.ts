import type { DataSource } from 'typeorm';
import { canRead, type ClientLocationResponse, isUuid } from '@caseflow/auth';
import { AuditTrail } from '@caseflow/audit';
import type { InternalRoute } from '@caseflow/federation';
import { mayHoldCaseload } from '../access/access.policy';
import { decideGrants } from '../access/access.route';
import { addressesOf } from './profile.sql';

/**
 * The answering side of "near the client" (@caseflow/auth client-location):
 * POST {clientId} with the caller's internal token → the point of the
 * client's address, only for a caller with the case record (the one access
 * rule's write, which reads CONTACT_INFO); partners never get it. The read
 * of the point is audited (a denial too); the point itself is in no log.
 */
export function clientLocationRoute(dataSource: DataSource): InternalRoute {
  return async (body, caller): Promise<ClientLocationResponse> => {
    const clientId = (body as { clientId?: unknown })?.clientId;
    if (typeof clientId !== 'string' || !isUuid(clientId)) return { outcome: 'NOT_FOUND' };
    const [grant] = await decideGrants(dataSource, caller.actor, [clientId]);
    if (!grant.exists) return { outcome: 'NOT_FOUND' };
    const audit = new AuditTrail('clients', caller.actor, caller.requestId);
    const event = {
      action: 'READ' as const,
      entityType: 'ClientAddress',
      entityId: clientId,
      clientId,
      detail: 'directory search near the client',
    };
    if (!mayHoldCaseload(caller.actor) || !grant.write || !canRead(grant, 'CONTACT_INFO')) {
      await audit.write(dataSource.manager, { ...event, outcome: 'DENIED' });
      return { outcome: 'FORBIDDEN' };
    }
    const [address] = await addressesOf(dataSource, [clientId]);
    if (!address || address.latitude === null || address.longitude === null) return { outcome: 'NO_POINT' };
    await audit.write(dataSource.manager, event);
    return { outcome: 'LOCATED', latitude: address.latitude, longitude: address.longitude };
  };
}
