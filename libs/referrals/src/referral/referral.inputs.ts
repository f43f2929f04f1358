import { Field, ID, InputType } from 'type-graphql';
import {
  ReferralDecisionEnum,
  ReferralOutcomeEnum,
  ReferralUrgencyEnum,
  type ReferralDecision,
  type ReferralOutcome,
  type ReferralUrgency,
} from './referral.type';

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

@InputType('RespondToReferralInput')
export class RespondToReferralInput {
  @Field(() => ID)
  referralId: string;

  @Field(() => ReferralDecisionEnum)
  decision: ReferralDecision;

  @Field(() => String, { nullable: true, description: 'Required when declining.' })
  reason?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType('CompleteReferralInput')
export class CompleteReferralInput {
  @Field(() => ID)
  referralId: string;

  @Field(() => ReferralOutcomeEnum)
  outcome: ReferralOutcome;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
