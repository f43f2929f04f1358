import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { NotificationsContext } from '../context';
import { NotificationPreference, NotificationPreferenceInput } from '../notification/notification.type';
import { StaffMemberRef } from '../refs/staff-member.ref';

@Resolver(() => StaffMemberRef)
export class StaffMemberPreferencesResolver {
  @FieldResolver(() => [NotificationPreference], {
    nullable: true,
    description: 'Only to the staff member themself; null for anyone else.',
  })
  notificationPreferences(@Root() staff: StaffMemberRef, @Ctx() ctx: NotificationsContext): Promise<NotificationPreference[] | null> {
    return ctx.preferences.of(ctx.actor, staff.id);
  }
}

@Resolver()
export class PreferenceResolver {
  @Mutation(() => [NotificationPreference])
  setNotificationPreferences(
    @Arg('preferences', () => [NotificationPreferenceInput]) preferences: NotificationPreferenceInput[],
    @Ctx() ctx: NotificationsContext,
  ): Promise<NotificationPreference[]> {
    return ctx.preferenceCommands.set(ctx.actor, preferences);
  }
}
