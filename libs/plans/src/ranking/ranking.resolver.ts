import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { PlansContext } from '../context';
import { RankPrioritiesInput } from './dto/rank-priorities.input';
import { PriorityRanking } from './ranking.type';

@Resolver(() => PriorityRanking)
export class RankingResolver {
  @Mutation(() => PriorityRanking)
  rankPriorities(@Arg('input', () => RankPrioritiesInput) input: RankPrioritiesInput, @Ctx() ctx: PlansContext): Promise<PriorityRanking> {
    return ctx.rankings.rank(ctx.actor, input);
  }
}
