import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { ClientsContext } from '../context';
import { StaffMember } from './staff.type';

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
}
