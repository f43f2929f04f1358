import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { ResourcesContext } from '../context';
import { Location } from '../location/location.type';
import { Phone } from '../phone/phone.type';
import { Service } from '../service/service.type';
import { ORGANIZATION_PAGE_DEFAULT } from './organization.rules';
import { Organization, OrganizationConnection } from './organization.type';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true })
  organization(@Arg('id', () => ID) id: string, @Ctx() ctx: ResourcesContext): Promise<Organization | null> {
    return ctx.organizations.get(ctx.actor, id);
  }

  @Query(() => OrganizationConnection, {
    description: "Directory organizations by name (full text, accent-insensitive), e.g. to pick a consent's recipient.",
  })
  organizations(
    @Ctx() ctx: ResourcesContext,
    @Arg('search', () => String) search: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: ORGANIZATION_PAGE_DEFAULT }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<OrganizationConnection> {
    return ctx.organizations.search(ctx.actor, search, first, after);
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
