import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '@caseflow/federation';
import type { ScheduleEntity } from './schedule.entity';

/** HSDS schedule: iCal recurrence fields as strings, times as `HH:MM`. */
@ObjectType('Schedule')
export class Schedule {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  freq: string | null;

  @Field(() => String, { nullable: true })
  byDay: string | null;

  @Field(() => String, { nullable: true, description: 'Monthly rules: days of the month, e.g. 1,15,-1.' })
  byMonthDay: string | null;

  @Field(() => String, { nullable: true })
  opensAt: string | null;

  @Field(() => String, { nullable: true })
  closesAt: string | null;

  @Field(() => DateScalar, { nullable: true })
  validFrom: string | null;

  @Field(() => DateScalar, { nullable: true })
  validTo: string | null;

  @Field(() => String, { nullable: true })
  timezone: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;
}

/** `09:00:00` → `09:00`; seconds are kept when they are not zero. */
export function clockTime(value: string | null): string | null {
  if (value === null) return null;
  return value.endsWith(':00') && value.length === 8 ? value.slice(0, 5) : value;
}

export function toSchedule(entity: ScheduleEntity): Schedule {
  return {
    id: entity.id,
    freq: entity.freq,
    byDay: entity.byday,
    byMonthDay: entity.bymonthday,
    opensAt: clockTime(entity.opensAt),
    closesAt: clockTime(entity.closesAt),
    validFrom: entity.validFrom,
    validTo: entity.validTo,
    timezone: entity.timezone,
    description: entity.description,
  };
}
