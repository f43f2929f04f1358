import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { OutcomeCount } from '@caseflow/federation';
import { OrganizationRef } from '../organization/organization.ref';
import { enumOf } from '../referral/referral.type';
import { TaxonomyTermRef } from '../taxonomy-term/taxonomy-term.ref';

/** How outcome figures may be grouped, as a closed list. */
export const REFERRAL_GROUPINGS = ['MONTH', 'ORGANIZATION', 'TAXONOMY_TERM'] as const;
export type ReferralGrouping = (typeof REFERRAL_GROUPINGS)[number];

export const ReferralGroupingEnum = enumOf(REFERRAL_GROUPINGS);
registerEnumType(ReferralGroupingEnum, { name: 'ReferralGrouping' });

/** One cell of the referral outcome figures: counts of referrals, never of identifiable people. */
@ObjectType('ReferralOutcomeCell')
export class ReferralOutcomeCell {
  @Field(() => String, { nullable: true, description: "The month the referrals were sent, 'YYYY-MM' (UTC), when grouped by MONTH." })
  month: string | null;

  @Field(() => OrganizationRef, { nullable: true, description: 'The receiving organization, when grouped by ORGANIZATION.' })
  organization: OrganizationRef | null;

  @Field(() => TaxonomyTermRef, {
    nullable: true,
    description: 'A taxonomy term of the referred service, when grouped by TAXONOMY_TERM (null: the service had none).',
  })
  taxonomyTerm: TaxonomyTermRef | null;

  @Field(() => OutcomeCount)
  sent: OutcomeCount;

  @Field(() => OutcomeCount)
  accepted: OutcomeCount;

  @Field(() => OutcomeCount)
  completed: OutcomeCount;

  @Field(() => Float, { nullable: true, description: 'completed / sent, null when either is suppressed' })
  completionRate: number | null;

  @Field(() => Float, { nullable: true })
  medianDaysToResponse: number | null;
}
