import { Field, ObjectType } from 'type-graphql';
import { OutcomeCount } from '@caseflow/federation';
import type { AssessmentDomain } from '../assessment/assessment.entity';
import { AssessmentDomainEnum } from '../assessment/assessment.type';

@ObjectType('DistanceTravelledCell')
export class DistanceTravelledCell {
  @Field(() => AssessmentDomainEnum)
  domain: AssessmentDomain;

  @Field(() => OutcomeCount, { description: 'Clients whose first and latest assessments in the period both rate the domain.' })
  clients: OutcomeCount;

  @Field(() => OutcomeCount)
  barrierToAsset: OutcomeCount;

  @Field(() => OutcomeCount)
  assetToBarrier: OutcomeCount;
}
