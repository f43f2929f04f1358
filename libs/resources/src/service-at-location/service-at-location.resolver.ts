import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ResourcesContext } from '../context';
import { Location } from '../location/location.type';
import { Phone } from '../phone/phone.type';
import { Schedule } from '../schedule/schedule.type';
import { Service } from '../service/service.type';
import { ServiceAtLocation } from './service-at-location.type';

@Resolver(() => ServiceAtLocation)
export class ServiceAtLocationResolver {
  @Query(() => ServiceAtLocation, { nullable: true })
  serviceAtLocation(@Arg('id', () => ID) id: string, @Ctx() ctx: ResourcesContext): Promise<ServiceAtLocation | null> {
    return ctx.serviceAtLocations.get(ctx.actor, id);
  }

  @FieldResolver(() => Service)
  service(@Root() serviceAtLocation: ServiceAtLocation, @Ctx() ctx: ResourcesContext): Promise<Service> {
    return ctx.serviceAtLocations.service(serviceAtLocation);
  }

  @FieldResolver(() => Location)
  location(@Root() serviceAtLocation: ServiceAtLocation, @Ctx() ctx: ResourcesContext): Promise<Location> {
    return ctx.serviceAtLocations.location(serviceAtLocation);
  }

  @FieldResolver(() => [Schedule])
  schedules(@Root() serviceAtLocation: ServiceAtLocation, @Ctx() ctx: ResourcesContext): Promise<Schedule[]> {
    return ctx.serviceAtLocations.schedules(serviceAtLocation.id);
  }

  @FieldResolver(() => [Phone])
  phones(@Root() serviceAtLocation: ServiceAtLocation, @Ctx() ctx: ResourcesContext): Promise<Phone[]> {
    return ctx.serviceAtLocations.phones(serviceAtLocation.id);
  }
}
