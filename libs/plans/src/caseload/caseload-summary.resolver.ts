import { Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { type CaseloadSummaryRef, caseloadSummaryRefType, type CountByClient } from '@caseflow/federation';
import type { PlansContext } from '../context';
import { overdueStepsOf } from '../step/overdue.sql';
import type { Today } from '../today';

/** The clients subgraph's CaseloadSummary, to which this subgraph adds `overdueSteps`. */
export const CaseloadSummary = caseloadSummaryRefType();

/** Overdue steps per client on the agency's today, by the one rule of an overdue step (overdue.sql.ts). */
export const overdueStepsByClient =
  (db: EntityManager, today: Today): CountByClient =>
  async (clientIds) => {
    const counts = new Map<string, number>();
    if (clientIds.length === 0) return counts;
    for (const row of await overdueStepsOf(db, clientIds, await today())) counts.set(row.client_id, (counts.get(row.client_id) ?? 0) + 1);
    return counts;
  };

@Resolver(() => CaseloadSummary)
export class CaseloadSummaryPlansResolver {
  @Directive('@requires(fields: "caseloadGrant")')
  @FieldResolver(() => Int, { nullable: true, description: 'From the plans subgraph.' })
  overdueSteps(@Root() summary: CaseloadSummaryRef, @Ctx() ctx: PlansContext): Promise<number> {
    return ctx.teamCaseloads.count(summary.staffMemberId);
  }
}
