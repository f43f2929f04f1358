import { Field, ID, InputType } from 'type-graphql';
import type { ReferralUrgency } from '../referral.enums';
import { ReferralUrgencyEnum } from '../referral.type';

@InputType('CreateReferralInput')
export class CreateReferralInput {
  @Field(() => ID)
  clientId: string;

  @Field(() => ID)
  serviceId: string;

  @Field(() => ID, { nullable: true })
  serviceAtLocationId?: string | null;

  @Field(() => ID, { nullable: true })
  goalId?: string | null;

  @Field(() => String)
  need: string;

  @Field(() => String)
  necessaryRationale: string;

  @Field(() => String)
  appropriateRationale: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  paidByContract?: boolean | null;

  @Field(() => ReferralUrgencyEnum, { nullable: true, defaultValue: 'ROUTINE' })
  urgency?: ReferralUrgency | null;

  @Field(() => Date, { nullable: true })
  respondBy?: Date | null;

  @Field(() => Date, { nullable: true })
  followUpAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Optional idempotency key: the same key returns the same referral.' })
  clientMutationId?: string | null;
}
