import { Field, ID, InputType } from 'type-graphql';
import type { ReferralOutcome } from '../referral.enums';
import { ReferralOutcomeEnum } from '../referral.type';

@InputType('CompleteReferralInput')
export class CompleteReferralInput {
  @Field(() => ID)
  referralId: string;

  @Field(() => ReferralOutcomeEnum)
  outcome: ReferralOutcome;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
