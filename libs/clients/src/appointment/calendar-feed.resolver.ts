import { Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { ClientsContext } from '../context';
import { StaffMember } from '../staff/staff.type';

@Resolver(() => StaffMember)
export class CalendarFeedResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Only to the staff member themself: the secret address of their iCalendar feed (GET, no bearer token), null for anyone else.',
  })
  calendarFeedUrl(@Root() staff: StaffMember, @Ctx() ctx: ClientsContext): Promise<string | null> {
    return ctx.calendarFeeds.urlFor(ctx.actor, staff.id);
  }

  @Mutation(() => String, { description: 'Makes a new secret calendar feed address for the caller; the old one stops working at once.' })
  rotateCalendarFeed(@Ctx() ctx: ClientsContext): Promise<string> {
    return ctx.calendarFeeds.rotate(ctx.actor);
  }
}
