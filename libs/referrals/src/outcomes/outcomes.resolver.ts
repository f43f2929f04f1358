import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { DateRangeInput } from '@caseflow/federation';
import type { ReferralsContext } from '../context';
import { ReferralGroupingEnum, type ReferralGrouping, ReferralOutcomeCell } from './outcomes.type';

@Resolver(() => ReferralOutcomeCell)
export class OutcomesResolver {
  @Query(() => [ReferralOutcomeCell])
  referralOutcomes(
    @Arg('period', () => DateRangeInput) period: DateRangeInput,
    @Ctx() ctx: ReferralsContext,
    @Arg('groupBy', () => [ReferralGroupingEnum], { nullable: true }) groupBy?: ReferralGrouping[] | null,
  ): Promise<ReferralOutcomeCell[]> {
    return ctx.outcomes.cells(ctx.actor, period, groupBy);
  }
}
