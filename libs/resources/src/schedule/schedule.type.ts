import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '@caseflow/federation';

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
