import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@caseflow/federation';
import { ASSESSMENT_DOMAINS, ASSESSMENT_RATINGS, type AssessmentDomain, type AssessmentRating } from './assessment.entity';

export const AssessmentDomainEnum = Object.fromEntries(ASSESSMENT_DOMAINS.map((d) => [d, d])) as { [K in AssessmentDomain]: K };
registerEnumType(AssessmentDomainEnum, { name: 'AssessmentDomain' });
export const AssessmentRatingEnum = Object.fromEntries(ASSESSMENT_RATINGS.map((r) => [r, r])) as { [K in AssessmentRating]: K };
registerEnumType(AssessmentRatingEnum, { name: 'AssessmentRating' });

// A plan and an item read back exactly as they were given: one class is both the output type and the input type.

@ObjectType('PlanToCompensate')
@InputType('PlanToCompensateInput')
export class PlanToCompensate {
  @Field(() => String)
  how: string;

  @Field(() => DateScalar, { nullable: true })
  byWhen?: string | null;

  @Field(() => String, { nullable: true })
  whoHelps?: string | null;
}

@ObjectType('AssessmentItem')
@InputType('AssessmentItemInput')
export class AssessmentItem {
  @Field(() => AssessmentDomainEnum)
  domain: AssessmentDomain;

  @Field(() => String)
  characteristic: string;

  @Field(() => AssessmentRatingEnum)
  rating: AssessmentRating;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => PlanToCompensate, { nullable: true })
  planToCompensate?: PlanToCompensate | null;
}

@ObjectType('NeedsAssessment')
@Directive('@key(fields: "id")')
export class NeedsAssessment {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  assessedAt: Date;

  @Field(() => Int)
  barrierCount: number;

  @Field(() => Int)
  assetCount: number;

  @Field(() => String, { nullable: true })
  summary: string | null;

  /** Not GraphQL fields: resolved by the assessment resolver. */
  clientId: string;
  assessedById: string;
}

@ObjectType('AssessmentCharacteristic', {
  description: "A characteristic of the needs-assessment checklist (standard or the agency's own).",
})
export class AssessmentCharacteristic {
  @Field(() => AssessmentDomainEnum)
  domain: AssessmentDomain;

  @Field(() => String)
  name: string;

  @Field(() => Boolean, { description: 'Part of the standard checklist (not added by an agency).' })
  standard: boolean;
}
