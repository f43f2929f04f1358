import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { AssessmentDomain, AssessmentRating } from './assessment.entity';
import { AssessmentDomainEnum, AssessmentRatingEnum, NeedsAssessment } from './assessment.type';
import type { RatingChange } from './distance-travelled.rules';

export const RatingChangeEnum = {
  BARRIER_TO_ASSET: 'BARRIER_TO_ASSET',
  ASSET_TO_BARRIER: 'ASSET_TO_BARRIER',
  STILL_BARRIER: 'STILL_BARRIER',
  STILL_ASSET: 'STILL_ASSET',
  NOT_COMPARABLE: 'NOT_COMPARABLE',
} as const satisfies { [K in RatingChange]: K };
registerEnumType(RatingChangeEnum, {
  name: 'RatingChange',
  valuesConfig: {
    BARRIER_TO_ASSET: { description: 'Barrier at the first assessment, asset now.' },
    ASSET_TO_BARRIER: { description: 'Asset at the first assessment, barrier now.' },
    NOT_COMPARABLE: { description: 'Rated in only one of the two assessments.' },
  },
});

@ObjectType('CharacteristicChange')
export class CharacteristicChange {
  @Field(() => AssessmentDomainEnum)
  domain: AssessmentDomain;

  @Field(() => String)
  characteristic: string;

  @Field(() => AssessmentRatingEnum, { nullable: true })
  from: AssessmentRating | null;

  @Field(() => AssessmentRatingEnum, { nullable: true })
  to: AssessmentRating | null;

  @Field(() => RatingChangeEnum)
  change: RatingChange;
}

@ObjectType('DistanceTravelled')
export class DistanceTravelled {
  @Field(() => NeedsAssessment, {
    nullable: true,
    description: 'The first and the latest assessment compared; null when there are fewer than two.',
  })
  baseline: NeedsAssessment | null;

  @Field(() => NeedsAssessment, { nullable: true })
  latest: NeedsAssessment | null;

  @Field(() => Int)
  barriersResolved: number;

  @Field(() => Int)
  barriersAdded: number;

  @Field(() => [CharacteristicChange])
  changes: CharacteristicChange[];
}
