import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { PlansContext } from '../context';
import { RankPrioritiesInput } from './ranking.inputs';
import { PriorityRanking } from './ranking.type';

@Resolver(() => PriorityRanking)
export class RankingResolver {
  @Mutation(() => PriorityRanking)
  rankPriorities(@Arg('input', () => RankPrioritiesInput) input: RankPrioritiesInput, @Ctx() ctx: PlansContext): Promise<PriorityRanking> {
    return ctx.rankingCommands.rank(ctx.actor, input);
  }
}
