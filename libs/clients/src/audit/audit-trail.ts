/**
 * A client's complete audit trail, for a supervisor of the client's agency:
 * this subgraph's events and those of the plans and referrals subgraphs
 * (asked over the internal channel with the supervisor's own token), merged
 * newest first. If a part cannot be read, the whole answer is UNAVAILABLE:
 * an incomplete trail would mislead.
 */
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { type AuditRecord, readAuditTrail } from '@caseflow/audit';
import { callInternal } from '@caseflow/auth';
import { forbidden, notFound, unavailable, uuid } from '@caseflow/core';
import { decodeCursor, encodeCursor, pageSize } from '@caseflow/db';
import { AUDIT_TRAIL_PATH, PageInfo } from '@caseflow/federation';
import type { ClientsContext } from '../context';
import type { AuditPeers } from './audit-peers';

@ObjectType('AuditEvent', { description: 'One event of the audit trail: who did what to which record, when, and whether it was allowed.' })
export class AuditEvent {
  @Field(() => Date)
  at: Date;

  @Field(() => String, { description: 'The subgraph that recorded it: clients, plans or referrals.' })
  source: string;

  @Field(() => ID)
  actorId: string;

  @Field(() => String)
  actorRole: string;

  @Field(() => String)
  action: string;

  @Field(() => String)
  entityType: string;

  @Field(() => String, { nullable: true })
  entityId: string | null;

  @Field(() => String, { description: 'ALLOWED or DENIED' })
  outcome: string;

  @Field(() => String, { nullable: true })
  detail: string | null;

  @Field(() => String)
  requestId: string;
}

@ObjectType('AuditEventEdge')
export class AuditEventEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => AuditEvent)
  node: AuditEvent;
}

@ObjectType('AuditEventConnection')
export class AuditEventConnection {
  @Field(() => [AuditEventEdge])
  edges: AuditEventEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

const newestFirst = (a: AuditRecord, b: AuditRecord) =>
  b.at.localeCompare(a.at) || b.source.localeCompare(a.source) || Number(b.id) - Number(a.id);

export async function clientAuditTrail(
  ctx: ClientsContext,
  peers: AuditPeers,
  clientId: string,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<AuditEventConnection> {
  uuid('clientId', clientId);
  const size = pageSize(first, 50);
  const cursor = decodeCursor(after, ['timestamp', 'text', 'integer']) as [string, string, string] | null;
  const client = await ctx.loaders.client.load(clientId);
  if (!client) throw notFound('Client', clientId);
  if (ctx.actor.role !== 'SUPERVISOR' || client.organizationId !== ctx.actor.organizationId) {
    ctx.audit.note({ action: 'READ', entityType: 'AuditTrail', entityId: clientId, clientId, outcome: 'DENIED' });
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
      identity: { token: ctx.internalToken },
      requestId: ctx.requestId,
      idempotent: true,
      timeoutMs: peers.timeoutMs,
    });
    return answer.events;
  };
  const parts = await Promise.all([
    readAuditTrail(ctx.dataSource, 'clients', 'clients', { clientId, before: before('clients'), limit }),
    ask('plans', peers.plansUrl),
    ask('referrals', peers.referralsUrl),
  ]);
  const merged = parts.flat().sort(newestFirst);
  const page = merged.slice(0, size);
  ctx.audit.note({ action: 'READ', entityType: 'AuditTrail', entityId: clientId, clientId });
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

@Resolver()
export class AuditTrailResolver {
  @Query(() => AuditEventConnection, {
    description: "A client's complete audit trail across the subgraphs, newest first (supervisors of the client's agency).",
  })
  clientAuditTrail(
    @Arg('clientId', () => ID) clientId: string,
    @Ctx() ctx: ClientsContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<AuditEventConnection> {
    return clientAuditTrail(ctx, ctx.auditPeers, clientId, first, after);
  }
}
