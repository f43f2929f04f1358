import { Field, ID, InputType } from 'type-graphql';
import { AssessmentItem } from './assessment.type';

/** An item is given as it is read back: `AssessmentItemInput` is the input side of `AssessmentItem` (assessment.type.ts). */
export type AssessmentItemInput = AssessmentItem;

@InputType('RecordAssessmentInput')
export class RecordAssessmentInput {
  @Field(() => ID)
  clientId: string;

  @Field(() => [AssessmentItem])
  items: AssessmentItemInput[];

  @Field(() => String, { nullable: true })
  summary?: string | null;
}
