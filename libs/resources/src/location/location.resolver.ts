import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ResourcesContext } from '../context';
import { Phone } from '../phone/phone.type';
import { Schedule } from '../schedule/schedule.type';
import { Address, Location } from './location.type';

@Resolver(() => Location)
export class LocationResolver {
  @FieldResolver(() => [Address])
  addresses(@Root() location: Location, @Ctx() ctx: ResourcesContext): Promise<Address[]> {
    return ctx.locations.addresses(location.id);
  }

  @FieldResolver(() => [Phone])
  phones(@Root() location: Location, @Ctx() ctx: ResourcesContext): Promise<Phone[]> {
    return ctx.locations.phones(location.id);
  }

  @FieldResolver(() => [Schedule])
  schedules(@Root() location: Location, @Ctx() ctx: ResourcesContext): Promise<Schedule[]> {
    return ctx.locations.schedules(location.id);
  }
}
