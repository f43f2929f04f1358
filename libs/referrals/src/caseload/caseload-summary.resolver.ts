import { Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { type CaseloadSummaryRef, caseloadSummaryRefType, type CountByClient } from '@caseflow/federation';
import type { ReferralsContext } from '../context';
import { awaitingAnswerByClient } from './caseload-summary.sql';

/** The clients subgraph's CaseloadSummary, to which this subgraph adds `referralsAwaitingAnswer`. */
export const CaseloadSummary = caseloadSummaryRefType();

export const awaitingAnswerCounts =
  (db: EntityManager): CountByClient =>
  async (clientIds, organizationId) =>
    new Map(
      clientIds.length ? (await awaitingAnswerByClient(db, clientIds, organizationId)).map((r) => [r.client_id, Number(r.awaiting)]) : [],
    );

@Resolver(() => CaseloadSummary)
export class CaseloadSummaryReferralsResolver {
  @Directive('@requires(fields: "caseloadGrant")')
  @FieldResolver(() => Int, { nullable: true, description: 'From the referrals subgraph: sent and not yet answered.' })
  referralsAwaitingAnswer(@Root() summary: CaseloadSummaryRef, @Ctx() ctx: ReferralsContext): Promise<number> {
    return ctx.teamCaseloads.count(summary.staffMemberId);
  }
}
