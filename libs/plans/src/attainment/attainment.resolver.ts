import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { DateRangeInput } from '@caseflow/federation';
import type { PlansContext } from '../context';
import { GoalAttainmentCell, type GoalAttainmentGrouping, GoalAttainmentGroupingEnum } from './attainment.type';

@Resolver(() => GoalAttainmentCell)
export class AttainmentResolver {
  @Query(() => [GoalAttainmentCell], {
    description: "Goals set and achieved in the caller's agency, by term and month; analysts and supervisors only.",
  })
  goalAttainment(
    @Arg('period', () => DateRangeInput) period: DateRangeInput,
    @Ctx() ctx: PlansContext,
    @Arg('groupBy', () => [GoalAttainmentGroupingEnum], { nullable: true, description: 'Defaults to [TERM, MONTH].' })
    groupBy?: GoalAttainmentGrouping[] | null,
  ): Promise<GoalAttainmentCell[]> {
    return ctx.attainment.cells(ctx.actor, period, groupBy);
  }
}
