/**
 * The domain events the clients subgraph records about a client's case, in
 * the transaction of the change (see @caseflow/events). Identifiers only.
 */
import type { EntityManager } from 'typeorm';
import { recordEvents } from '@caseflow/events';

/**
 * Records `client.assigned` when the case manager changes to `caseManagerId`
 * (nothing when it is unchanged or none); `transferId` when it is part of a
 * caseload transfer.
 */
export async function recordAssignment(
  tx: EntityManager,
  client: { id: string; organizationId: string },
  change: {
    caseManagerId: string | null;
    previousCaseManagerId: string | null;
    byStaffId: string;
    transferId?: string;
    reason?: string | null;
  },
): Promise<void> {
  const { caseManagerId, previousCaseManagerId, byStaffId, transferId, reason } = change;
  if (caseManagerId === null || caseManagerId === previousCaseManagerId) return;
  await recordEvents(tx, 'clients', [
    {
      type: 'client.assigned',
      aggregateType: 'Client',
      aggregateId: client.id,
      organizationId: client.organizationId,
      payload: {
        clientId: client.id,
        organizationId: client.organizationId,
        caseManagerId,
        previousCaseManagerId,
        byStaffId,
        ...(transferId ? { transferId } : {}),
        ...(reason ? { reason } : {}),
      },
    },
  ]);
}
