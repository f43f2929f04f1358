import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '@caseflow/core';
import type { ResourcesContext } from '../context';
import { ServiceAtLocation } from '../service-at-location/service-at-location.type';
import { Service } from '../service/service.type';
import { SearchOrder, ServiceSearchConnection, ServiceSearchHit, ServiceSearchInput } from './search.type';

@Resolver(() => ServiceSearchHit)
export class SearchResolver {
  @Query(() => ServiceSearchConnection)
  searchServices(
    @Ctx() ctx: ResourcesContext,
    @Arg('input', () => ServiceSearchInput) input: ServiceSearchInput,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('orderBy', () => SearchOrder, {
      nullable: true,
      description: 'RELEVANCE when input.text has words, else DISTANCE when there is a point, else by name.',
    })
    orderBy?: SearchOrder | null,
  ): Promise<ServiceSearchConnection> {
    return ctx.search.search(ctx.actor, input, first, after, orderBy);
  }

  @FieldResolver(() => Service)
  async service(@Root() hit: ServiceSearchHit, @Ctx() ctx: ResourcesContext): Promise<Service> {
    // The hit was found in this request, so the row exists; a concurrent delete is the only way to miss it.
    const service = await ctx.services.reference(ctx.actor, hit.serviceId);
    if (!service) throw notFound('Service', hit.serviceId);
    return service;
  }

  @FieldResolver(() => ServiceAtLocation, { nullable: true })
  serviceAtLocation(@Root() hit: ServiceSearchHit, @Ctx() ctx: ResourcesContext): Promise<ServiceAtLocation | null> {
    return hit.serviceAtLocationId ? ctx.serviceAtLocations.reference(ctx.actor, hit.serviceAtLocationId) : Promise.resolve(null);
  }
}
