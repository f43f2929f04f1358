import { Field, InputType } from 'type-graphql';
import { DateScalar } from '@caseflow/federation';

@InputType('ScheduleInput')
export class ScheduleInput {
  @Field(() => String, { nullable: true, description: "'WEEKLY' (the default) or 'MONTHLY'." })
  freq?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'iCal weekday codes, e.g. MO,TU,WE; in a monthly rule with an ordinal, e.g. 1WE,-1FR.',
  })
  byDay?: string | null;

  @Field(() => String, { nullable: true, description: 'Monthly rules: days of the month, e.g. 1,15,-1.' })
  byMonthDay?: string | null;

  @Field(() => String, { nullable: true, description: '24-hour HH:MM.' })
  opensAt?: string | null;

  @Field(() => String, { nullable: true, description: '24-hour HH:MM; after opensAt unless closesNextDay.' })
  closesAt?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'The hours run past midnight: closesAt is on the next day (e.g. 21:00 to 08:00).' })
  closesNextDay?: boolean | null;

  @Field(() => DateScalar, { nullable: true })
  validFrom?: string | null;

  @Field(() => DateScalar, { nullable: true })
  validTo?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'An IANA time zone (e.g. America/Halifax) or a UTC offset in hours; the directory zone when left out.',
  })
  timezone?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}
