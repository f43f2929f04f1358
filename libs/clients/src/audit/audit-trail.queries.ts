/**
 * A client's complete audit trail, for a supervisor of the client's agency:
 * this subgraph's events and those of the plans and referrals subgraphs
 * (asked over the internal channel with the supervisor's own token), merged
 * newest first. If a part cannot be read, the whole answer is UNAVAILABLE:
 * an incomplete trail would mislead.
 */
import { type AuditRecord, readAuditTrail } from '@caseflow/audit';
import { type Actor, callInternal } from '@caseflow/auth';
import { forbidden, notFound, unavailable, uuid } from '@caseflow/core';
import { decodeCursor, encodeCursor, pageSize } from '@caseflow/db';
import { AUDIT_TRAIL_PATH } from '@caseflow/federation';
import type { AuditEventConnection } from './audit-trail.type';
import type { ClientsDeps } from '../deps';

const newestFirst = (a: AuditRecord, b: AuditRecord) =>
  b.at.localeCompare(a.at) || b.source.localeCompare(a.source) || Number(b.id) - Number(a.id);

export class AuditTrailQueries {
  constructor(private readonly deps: ClientsDeps) {}

  async forClient(
    actor: Actor,
    clientId: string,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<AuditEventConnection> {
    uuid('clientId', clientId);
    const size = pageSize(first, 50);
    const cursor = decodeCursor(after, ['timestamp', 'text', 'integer']) as [string, string, string] | null;
    const client = await this.deps.loaders.client.load(clientId);
    if (!client) throw notFound('Client', clientId);
    if (actor.role !== 'SUPERVISOR' || client.organizationId !== actor.organizationId) {
      this.deps.audit.note({ action: 'READ', entityType: 'AuditTrail', entityId: clientId, clientId, outcome: 'DENIED' });
      throw forbidden("Only a supervisor of the client's agency reads its audit trail");
    }
    // The merged order is (time, source, id), newest first; a cursor names the last event shown. Each source is asked
    // for its events after that position: at the same instant, a source sorting after the cursor's still has all of them.
    const before = (source: string) =>
      cursor ? { at: cursor[0], id: source === cursor[1] ? cursor[2] : source < cursor[1] ? '9223372036854775807' : '0' } : null;
    const limit = size + 1;
    const ask = async (source: string, baseUrl: string | undefined): Promise<AuditRecord[]> => {
      if (!baseUrl) throw unavailable(`The ${source} part of the audit trail is not configured`);
      const answer = await callInternal<{ events: AuditRecord[] }>({
        peer: `the ${source} service`,
        purpose: `The ${source} part of the audit trail could not be read`,
        baseUrl,
        path: AUDIT_TRAIL_PATH,
        body: { clientId, limit, before: before(source) },
        identity: { token: this.deps.peers.identity.internalToken },
        requestId: this.deps.peers.identity.requestId,
        idempotent: true,
        timeoutMs: this.deps.peers.auditTrail.timeoutMs,
      });
      return answer.events;
    };
    const parts = await Promise.all([
      readAuditTrail(this.deps.dataSource, 'clients', 'clients', { clientId, before: before('clients'), limit }),
      ask('plans', this.deps.peers.auditTrail.plansUrl),
      ask('referrals', this.deps.peers.auditTrail.referralsUrl),
    ]);
    const merged = parts.flat().sort(newestFirst);
    const page = merged.slice(0, size);
    this.deps.audit.note({ action: 'READ', entityType: 'AuditTrail', entityId: clientId, clientId });
    const edges = page.map((e) => ({
      cursor: encodeCursor([e.at, e.source, e.id]),
      node: {
        at: new Date(e.at),
        source: e.source,
        actorId: e.actorId,
        actorRole: e.actorRole,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        outcome: e.outcome,
        detail: e.detail,
        requestId: e.requestId,
      },
    }));
    return { edges, pageInfo: { hasNextPage: merged.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
