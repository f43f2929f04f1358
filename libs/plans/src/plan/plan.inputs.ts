import { Field, ID, InputType } from 'type-graphql';
import { GoalInput } from '../goal/goal.inputs';

@InputType('CreateActionPlanInput')
export class CreateActionPlanInput {
  @Field(() => ID)
  clientId: string;

  @Field(() => [GoalInput])
  goals: GoalInput[];

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: true,
    description: "Activate at once (the client's other active plan, if any, is completed).",
  })
  activate?: boolean | null;
}
