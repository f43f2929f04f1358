import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { ClientsContext } from '../context';
import { OrganizationRef } from './organization.ref';

/** The agency's settings this subgraph contributes to the resources subgraph's Organization. */
@Resolver(() => OrganizationRef)
export class OrganizationSettingsResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "IANA time zone of the agency, e.g. America/Vancouver. 'Today', 'overdue', 'due today' and daily jobs are computed in it.",
  })
  timeZone(@Root() organization: OrganizationRef, @Ctx() ctx: ClientsContext): Promise<string | null> {
    return ctx.organizationSettings.timeZoneOf(organization.id);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      "When true, case managers' closures go through requestClosure and a supervisor's approval; closeCase by a case manager is FORBIDDEN.",
  })
  closureNeedsApproval(@Root() organization: OrganizationRef, @Ctx() ctx: ClientsContext): Promise<boolean | null> {
    return ctx.organizationSettings.closureNeedsApprovalOf(organization.id);
  }

  @Mutation(() => OrganizationRef, { description: 'Supervisors and admins of the agency.' })
  setClosureNeedsApproval(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('required', () => Boolean) required: boolean,
    @Ctx() ctx: ClientsContext,
  ): Promise<OrganizationRef> {
    return ctx.organizationSettings.setClosureNeedsApproval(ctx.actor, organizationId, required);
  }

  @Mutation(() => OrganizationRef, { description: 'Supervisors and admins of the agency.' })
  setOrganizationTimeZone(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('timeZone', () => String) timeZone: string,
    @Ctx() ctx: ClientsContext,
  ): Promise<OrganizationRef> {
    return ctx.organizationSettings.setTimeZone(ctx.actor, organizationId, timeZone);
  }
}
