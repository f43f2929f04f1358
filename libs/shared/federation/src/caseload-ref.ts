/**
 * `CaseloadSummary` (a supervisor's row per case manager, from the clients
 * subgraph) as plans and referrals see it: the key, and the caseload grant
 * the clients subgraph signed (`@caseflow/auth` caseload-grant.ts). Their
 * fields `@requires` the grant; `__resolveReference` verifies it and checks
 * the caller, and each subgraph counts for every row of the request in one
 * statement.
 */
import DataLoader from 'dataloader';
import { Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { type CaseloadGrant, verifyCaseloadGrant } from '@caseflow/auth';
import { forbidden } from '@caseflow/core';
import type { RequestContext } from './context';
import type { ReferenceResolvers } from './schema';

export interface CaseloadSummaryRef {
  staffMemberId: string;
  caseloadGrant?: string | null;
}

/** The CaseloadSummary class of a subgraph that adds counts to it (one per subgraph, as for Client). */
export function caseloadSummaryRefType(): new () => CaseloadSummaryRef {
  @ObjectType('CaseloadSummary')
  @Directive('@key(fields: "staffMemberId")')
  class CaseloadSummaryRefType implements CaseloadSummaryRef {
    @Field(() => ID)
    staffMemberId: string;

    @Field(() => String, { nullable: true })
    @Directive('@external')
    caseloadGrant?: string | null;
  }
  return CaseloadSummaryRefType;
}

/** Counts something per client of the given clients (clients without any may be absent). */
export type CountByClient = (clientIds: string[], organizationId: string) => Promise<Map<string, number>>;

/**
 * The request's team caseloads in a subgraph that adds counts to them. Only
 * a supervisor of the case manager's agency gets a count: the grant must
 * verify for this caller, request and case manager, and name the caller's
 * agency; anything else is FORBIDDEN (and an audited denial), on the
 * reference and on the field alike.
 */
export class TeamCaseloads {
  private readonly grants = new Map<string, CaseloadGrant>();
  private readonly counts: DataLoader<string, number>;

  constructor(
    private readonly base: Pick<RequestContext, 'actor' | 'requestId' | 'audit'>,
    private readonly internalSecret: string,
    countByClient: CountByClient,
  ) {
    this.counts = new DataLoader(async (staffIds) => {
      const grants = staffIds.map((id) => this.grants.get(id) as CaseloadGrant);
      const byClient = await countByClient([...new Set(grants.flatMap((g) => g.clientIds))], base.actor.organizationId);
      return grants.map((g) => g.clientIds.reduce((sum, id) => sum + (byClient.get(id) ?? 0), 0));
    });
  }

  /** Verifies the grant that came with the reference, for the caller; FORBIDDEN otherwise. */
  accept(staffMemberId: string, token: unknown): CaseloadSummaryRef {
    const { actor, requestId } = this.base;
    const grant = verifyCaseloadGrant(token, { actor, requestId, staffMemberId }, this.internalSecret);
    if (!grant || actor.role !== 'SUPERVISOR' || grant.organizationId !== actor.organizationId) throw this.denied(staffMemberId);
    this.grants.set(staffMemberId, grant);
    return { staffMemberId };
  }

  /** The count for this case manager's open clients; FORBIDDEN unless `accept` let the reference through. */
  count(staffMemberId: string): Promise<number> {
    if (!this.grants.has(staffMemberId)) return Promise.reject(this.denied(staffMemberId));
    return this.counts.load(staffMemberId);
  }

  private denied(staffMemberId: string): Error {
    this.base.audit.note({
      action: 'READ',
      entityType: 'CaseloadSummary',
      entityId: staffMemberId,
      outcome: 'DENIED',
      detail: `role ${this.base.actor.role}`,
    });
    return forbidden("Only a supervisor of the case manager's agency may see their caseload");
  }
}

/** `__resolveReference` for CaseloadSummary, over the context's `teamCaseloads`. */
export const caseloadSummaryReferenceResolvers: ReferenceResolvers = {
  CaseloadSummary: (ref: { staffMemberId?: unknown; caseloadGrant?: unknown }, ctx: { teamCaseloads: TeamCaseloads }): CaseloadSummaryRef =>
    ctx.teamCaseloads.accept(String(ref.staffMemberId ?? ''), ref.caseloadGrant),
} as unknown as ReferenceResolvers;

/**
 * What a subgraph adds to CaseloadSummary: its type, the resolver of its one
 * count `field` (`@requires` the grant; FORBIDDEN unless the reference was let
 * through) and the reference resolvers, for its subgraph.ts.
 */
export function caseloadCountField(field: string, description: string) {
  const type = caseloadSummaryRefType();

  @Resolver(() => type)
  class CaseloadCountResolver {
    @Directive('@requires(fields: "caseloadGrant")')
    @FieldResolver(() => Int, { name: field, nullable: true, description })
    count(@Root() summary: CaseloadSummaryRef, @Ctx() ctx: { teamCaseloads: TeamCaseloads }): Promise<number> {
      return ctx.teamCaseloads.count(summary.staffMemberId);
    }
  }
  return { type, resolver: CaseloadCountResolver, references: caseloadSummaryReferenceResolvers };
}
