import { Field, ID, InputType, Int } from 'type-graphql';
import type { AppointmentKind } from './appointment.entity';
import { AppointmentKindEnum } from './appointment.type';

/** When and where an appointment is, as scheduling and rescheduling both take it; not itself in the schema. */
@InputType('AppointmentTimeInput')
abstract class AppointmentTimeInput {
  @Field(() => Date)
  startsAt: Date;

  @Field(() => Date)
  endsAt: Date;

  @Field(() => String, { nullable: true })
  place?: string | null;
}

@InputType('ScheduleAppointmentInput')
export class ScheduleAppointmentInput extends AppointmentTimeInput {
  @Field(() => ID)
  clientId: string;

  @Field(() => ID, { nullable: true, description: 'Defaults to the caller.' })
  staffMemberId?: string | null;

  @Field(() => AppointmentKindEnum)
  kind: AppointmentKind;

  @Field(() => String)
  purpose: string;

  @Field(() => ID, { nullable: true })
  referralId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Scheduling over another appointment of the same staff member or client is CONFLICT unless this is true.',
  })
  allowOverlap?: boolean | null;

  @Field(() => String, { nullable: true })
  clientMutationId?: string | null;
}

@InputType('RescheduleAppointmentInput')
export class RescheduleAppointmentInput extends AppointmentTimeInput {
  @Field(() => ID)
  appointmentId: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => String)
  reason: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  allowOverlap?: boolean | null;
}
