import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Client } from '../client/client.type';
import type { ClientsContext } from '../context';
import { DistanceTravelled } from './distance-travelled.type';

@Resolver(() => Client)
export class DistanceTravelledResolver {
  @FieldResolver(() => DistanceTravelled, {
    description: "Each characteristic's change from the client's first to their latest needs assessment, with the counts.",
  })
  distanceTravelled(@Root() client: Client, @Ctx() ctx: ClientsContext): Promise<DistanceTravelled> {
    return ctx.distanceTravelled.forClient(client);
  }
}
