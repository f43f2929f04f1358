import { Field, ID, InputType } from 'type-graphql';
import type { ReferralDecision } from '../referral.enums';
import { ReferralDecisionEnum } from '../referral.type';

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
