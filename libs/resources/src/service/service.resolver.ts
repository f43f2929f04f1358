import { Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ResourcesContext } from '../context';
import { Organization } from '../organization/organization.type';
import { Phone } from '../phone/phone.type';
import { Schedule } from '../schedule/schedule.type';
import { ServiceAtLocation } from '../service-at-location/service-at-location.type';
import { TaxonomyTerm } from '../taxonomy/taxonomy-term.type';
import { Service } from './service.type';

@Resolver(() => Service)
export class ServiceResolver {
  @Query(() => Service, { nullable: true })
  service(@Arg('id', () => ID) id: string, @Ctx() ctx: ResourcesContext): Promise<Service | null> {
    return ctx.services.get(ctx.actor, id);
  }

  // Shareable: the referrals subgraph provides a referral's service's organization (its id and name) with the referral.
  @FieldResolver(() => Organization)
  @Directive('@shareable')
  organization(@Root() service: Service, @Ctx() ctx: ResourcesContext): Promise<Organization> {
    return ctx.services.organization(service);
  }

  @FieldResolver(() => [String])
  languages(@Root() service: Service, @Ctx() ctx: ResourcesContext): Promise<string[]> {
    return ctx.services.languages(service.id);
  }

  @FieldResolver(() => [TaxonomyTerm])
  taxonomyTerms(@Root() service: Service, @Ctx() ctx: ResourcesContext): Promise<TaxonomyTerm[]> {
    return ctx.services.taxonomyTerms(service.id);
  }

  @FieldResolver(() => [ServiceAtLocation])
  serviceAtLocations(@Root() service: Service, @Ctx() ctx: ResourcesContext): Promise<ServiceAtLocation[]> {
    return ctx.services.serviceAtLocations(service.id);
  }

  @FieldResolver(() => [Phone])
  phones(@Root() service: Service, @Ctx() ctx: ResourcesContext): Promise<Phone[]> {
    return ctx.services.phones(service.id);
  }

  @FieldResolver(() => [Schedule])
  schedules(@Root() service: Service, @Ctx() ctx: ResourcesContext): Promise<Schedule[]> {
    return ctx.services.schedules(service.id);
  }
}
