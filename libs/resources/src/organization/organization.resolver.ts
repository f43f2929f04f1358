import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ResourcesContext } from '../context';
import { Location } from '../location/location.type';
import { Phone } from '../phone/phone.type';
import { Service } from '../service/service.type';
import { Organization } from './organization.type';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true })
  organization(@Arg('id', () => ID) id: string, @Ctx() ctx: ResourcesContext): Promise<Organization | null> {
    return ctx.organizations.get(ctx.actor, id);
  }

  @FieldResolver(() => [Phone])
  phones(@Root() organization: Organization, @Ctx() ctx: ResourcesContext): Promise<Phone[]> {
    return ctx.organizations.phones(organization.id);
  }

  @FieldResolver(() => [Location])
  locations(@Root() organization: Organization, @Ctx() ctx: ResourcesContext): Promise<Location[]> {
    return ctx.organizations.locations(organization.id);
  }

  @FieldResolver(() => [Service])
  services(@Root() organization: Organization, @Ctx() ctx: ResourcesContext): Promise<Service[]> {
    return ctx.organizations.services(organization.id);
  }
}
