/**
 * Reads of closure requests: a client's open or latest request (a field of
 * the case record), and the supervisors' queue of their agency's requests,
 * pending first and oldest first. Every request read is audited as a read of
 * its client's data; a refused read is audited as a denial.
 */
import DataLoader from 'dataloader';
import type { Actor } from '@caseflow/auth';
import { badInput, forbidden } from '@caseflow/core';
import { decodeCursor, encodeCursor, pageSize } from '@caseflow/db';
import { caseRecordField } from '../client/client.policy';
import type { Client } from '../client/client.type';
import type { StaffMemberEntity } from '../staff/staff.entity';
import { toStaffMember } from '../staff/staff.mapper';
import type { StaffMember } from '../staff/staff.type';
import { APPROVAL_STATUSES, type ApprovalStatus, type ClosureRequestEntity } from './closure-request.entity';
import { toClosureRequest } from './closure-request.mapper';
import { currentRequestsOf, QUEUE_CURSOR, queueCount, queuePage } from './closure-request.sql';
import type { ClosureRequest, ClosureRequestConnection } from './closure-request.type';
import type { ClientsDeps } from '../deps';

export const QUEUE_PAGE_DEFAULT = 20;

export class ClosureRequestQueries {
  /** Each client's current request, one statement per batch (per request). */
  private readonly current = new DataLoader<string, ClosureRequestEntity | null>(
    async (ids) => {
      const rows = await currentRequestsOf(this.deps.dataSource, ids);
      const byClient = new Map(rows.map((r) => [r.clientId, r]));
      return ids.map((id) => byClient.get(id) ?? null);
    },
    { maxBatchSize: 1000 },
  );

  constructor(private readonly deps: ClientsDeps) {}

  /** The client's PENDING request, else its latest; a field of the case record (FORBIDDEN under a consent alone). */
  async forClient(client: Client): Promise<ClosureRequest | null> {
    caseRecordField(client, null);
    const row = await this.current.load(client.id);
    if (!row) return null;
    this.deps.audit.noteReads('ClosureRequest', [row], client.id);
    return toClosureRequest(row);
  }

  /** Supervisors: their agency's requests in these statuses (all when none is given), pending first, oldest first. */
  async queue(
    actor: Actor,
    status: ApprovalStatus[] | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<ClosureRequestConnection> {
    const size = pageSize(first, QUEUE_PAGE_DEFAULT);
    const cursor = decodeCursor(after, QUEUE_CURSOR);
    if (status?.some((s) => !(APPROVAL_STATUSES as readonly string[]).includes(s))) throw badInput('status', 'must be approval statuses');
    if (actor.role !== 'SUPERVISOR') {
      this.deps.audit.note({
        action: 'SEARCH',
        entityType: 'ClosureRequest',
        outcome: 'DENIED',
        detail: `closureRequests, role ${actor.role}`,
      });
      throw forbidden("Only supervisors see their agency's closure requests");
    }
    const statuses = status?.length ? [...new Set(status)] : [...APPROVAL_STATUSES];
    const organizationId = actor.organizationId.toLowerCase();
    const rows = await queuePage(this.deps.dataSource, {
      organizationId,
      statuses,
      limit: size + 1,
      after: cursor ? [Number(cursor[0]), String(cursor[1]), String(cursor[2])] : null,
    });
    const totalCount = await queueCount(this.deps.dataSource, organizationId, statuses);
    const page = rows.slice(0, size);
    for (const row of page) this.deps.audit.noteReads('ClosureRequest', [row], row.clientId);
    const edges = page.map((r) => ({ cursor: encodeCursor([r.rank, r.requestedAt.toISOString(), r.id]), node: toClosureRequest(r) }));
    return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
  }

  /** The staff member by id (requester, decider). */
  async staffMember(id: string | null): Promise<StaffMember | null> {
    if (!id) return null;
    const row = await this.deps.loaders.staff.load(id);
    return row ? toStaffMember(row as StaffMemberEntity) : null;
  }
}
