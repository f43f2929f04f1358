import { Field, ID, InputType } from 'type-graphql';
import type { ClosureOutcome } from '../client/client.entity';
import { ClosureOutcomeEnum } from '../client/client.type';

@InputType('RequestClosureInput')
export class RequestClosureInput {
  @Field(() => ID)
  clientId: string;

  @Field(() => ClosureOutcomeEnum)
  outcome: ClosureOutcome;

  @Field(() => String, { nullable: true })
  nextSteps?: string | null;

  @Field(() => String)
  rationale: string;
}
