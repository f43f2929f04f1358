import { Field, InputType } from 'type-graphql';
import { CloseCaseInput } from '../client/client.inputs';

/** What closing the case takes, with the case manager's reason for asking. */
@InputType('RequestClosureInput')
export class RequestClosureInput extends CloseCaseInput {
  @Field(() => String)
  rationale: string;
}
