import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '@caseflow/federation';
import { AppointmentRef, ClientRef, ReferralRef } from '../refs/entity-refs';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, type NotificationChannel, type NotificationKind } from './notification.kinds';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const NotificationKindEnum = enumOf(NOTIFICATION_KINDS);
registerEnumType(NotificationKindEnum, { name: 'NotificationKind' });

export const NotificationChannelEnum = enumOf(NOTIFICATION_CHANNELS);
registerEnumType(NotificationChannelEnum, { name: 'NotificationChannel' });

@ObjectType('Notification')
export class Notification {
  /** The linked records' ids; the link fields (notification.resolver.ts) show them only to a reader who may see them. */
  clientId: string | null;
  referralId: string | null;
  appointmentId: string | null;

  @Field(() => ID)
  id: string;

  @Field(() => NotificationKindEnum)
  kind: NotificationKind;

  @Field(() => String, { description: 'A plain sentence for the person it is for; it may name the client in the app, never in an email.' })
  message: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;

  @Field(() => ClientRef, { nullable: true, description: 'Where it points, when the reader may still open it.' })
  client: ClientRef | null;

  @Field(() => ReferralRef, { nullable: true })
  referral: ReferralRef | null;

  @Field(() => AppointmentRef, { nullable: true })
  appointment: AppointmentRef | null;
}

@ObjectType('NotificationEdge')
export class NotificationEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Notification)
  node: Notification;
}

@ObjectType('NotificationConnection')
export class NotificationConnection {
  @Field(() => [NotificationEdge])
  edges: NotificationEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;

  @Field(() => Int)
  unreadCount: number;
}

@ObjectType('NotificationPreference')
export class NotificationPreference {
  @Field(() => NotificationKindEnum)
  kind: NotificationKind;

  @Field(() => [NotificationChannelEnum])
  channels: NotificationChannel[];

  @Field(() => Boolean, { description: 'Send the emails of this kind once a day as one digest instead of one by one.' })
  dailyDigest: boolean;
}

@InputType('NotificationPreferenceInput')
export class NotificationPreferenceInput {
  @Field(() => NotificationKindEnum)
  kind: NotificationKind;

  @Field(() => [NotificationChannelEnum])
  channels: NotificationChannel[];

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  dailyDigest?: boolean | null;
}
