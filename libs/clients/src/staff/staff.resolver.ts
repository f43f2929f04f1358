import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { ClientsContext } from '../context';
import { STAFF_PAGE_DEFAULT } from './staff.rules';
import { RoleEnum, StaffMember, StaffMemberConnection } from './staff.type';
import type { Role } from '@caseflow/auth';

@Resolver(() => StaffMember)
export class StaffResolver {
  @Query(() => StaffMember)
  me(@Ctx() ctx: ClientsContext): Promise<StaffMember> {
    return ctx.staff.me(ctx.actor);
  }

  @Query(() => StaffMember, { nullable: true })
  staffMember(@Arg('id', () => ID) id: string, @Ctx() ctx: ClientsContext): Promise<StaffMember | null> {
    return ctx.staff.get(ctx.actor, id);
  }

  @Query(() => StaffMemberConnection, {
    description: "Staff of the caller's agency (supervisors and admins; case managers see only active case managers and supervisors).",
  })
  staffMembers(
    @Ctx() ctx: ClientsContext,
    @Arg('role', () => [RoleEnum], { nullable: true }) role?: Role[] | null,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: STAFF_PAGE_DEFAULT }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<StaffMemberConnection> {
    return ctx.staff.list(ctx.actor, role, search, first, after);
  }
}
