import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { DateRangeInput } from '@caseflow/federation';
import type { ClientsContext } from '../context';
import { DistanceTravelledCell } from './distance-travelled.type';

@Resolver()
export class DistanceTravelledOutcomeResolver {
  @Query(() => [DistanceTravelledCell], {
    description: 'Clients whose first and latest assessments both fall in the period, per domain; cells under 11 suppressed.',
  })
  distanceTravelled(
    @Arg('period', () => DateRangeInput) period: DateRangeInput,
    @Ctx() ctx: ClientsContext,
  ): Promise<DistanceTravelledCell[]> {
    return ctx.distanceTravelledOutcomes.perDomain(ctx.actor, period);
  }
}
