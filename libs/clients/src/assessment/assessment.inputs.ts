import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@caseflow/federation';
import type { AssessmentDomain, AssessmentRating } from './assessment.entity';
import { AssessmentDomainEnum, AssessmentRatingEnum } from './assessment.type';

@InputType('PlanToCompensateInput')
export class PlanToCompensateInput {
  @Field(() => String)
  how: string;

  @Field(() => DateScalar, { nullable: true })
  byWhen?: string | null;

  @Field(() => String, { nullable: true })
  whoHelps?: string | null;
}

@InputType('AssessmentItemInput')
export class AssessmentItemInput {
  @Field(() => AssessmentDomainEnum)
  domain: AssessmentDomain;

  @Field(() => String)
  characteristic: string;

  @Field(() => AssessmentRatingEnum)
  rating: AssessmentRating;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => PlanToCompensateInput, { nullable: true })
  planToCompensate?: PlanToCompensateInput | null;
}

@InputType('RecordAssessmentInput')
export class RecordAssessmentInput {
  @Field(() => ID)
  clientId: string;

  @Field(() => [AssessmentItemInput])
  items: AssessmentItemInput[];

  @Field(() => String, { nullable: true })
  summary?: string | null;
}
