import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AppointmentRef, ClientRef, ReferralRef } from '../refs/entity-refs';
import type { NotificationsContext } from '../context';
import { NOTIFICATIONS_PAGE_SIZE } from './notification.queries';
import { Notification, NotificationConnection } from './notification.type';

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => NotificationConnection, { description: "The caller's notifications, newest first." })
  notifications(
    @Ctx() ctx: NotificationsContext,
    @Arg('unreadOnly', () => Boolean, { nullable: true, defaultValue: false }) unreadOnly?: boolean | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: NOTIFICATIONS_PAGE_SIZE }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<NotificationConnection> {
    return ctx.notifications.list(ctx.actor, { unreadOnly, first, after });
  }

  @FieldResolver(() => ClientRef, { nullable: true })
  client(@Root() notification: Notification, @Ctx() ctx: NotificationsContext): Promise<ClientRef | null> {
    return ctx.notifications.clientLink(notification);
  }

  @FieldResolver(() => ReferralRef, { nullable: true })
  referral(@Root() notification: Notification, @Ctx() ctx: NotificationsContext): Promise<ReferralRef | null> {
    return ctx.notifications.referralLink(notification);
  }

  @FieldResolver(() => AppointmentRef, { nullable: true })
  appointment(@Root() notification: Notification, @Ctx() ctx: NotificationsContext): Promise<AppointmentRef | null> {
    return ctx.notifications.appointmentLink(notification);
  }

  @Mutation(() => Int, { description: "Marks those of the caller's notifications read; others' ids are ignored. How many changed." })
  markNotificationsRead(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: NotificationsContext): Promise<number> {
    return ctx.notificationCommands.markRead(ctx.actor, ids);
  }

  @Mutation(() => Int)
  markAllNotificationsRead(@Ctx() ctx: NotificationsContext): Promise<number> {
    return ctx.notificationCommands.markAllRead(ctx.actor);
  }
}
