import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { DateRangeInput } from '@caseflow/federation';
import type { ClientsContext } from '../context';
import { CaseOutcomeCell } from './outcomes.type';

@Resolver()
export class CaseOutcomeResolver {
  @Query(() => [CaseOutcomeCell])
  caseOutcomes(@Arg('period', () => DateRangeInput) period: DateRangeInput, @Ctx() ctx: ClientsContext): Promise<CaseOutcomeCell[]> {
    return ctx.caseOutcomes.closures(ctx.actor, period);
  }
}
