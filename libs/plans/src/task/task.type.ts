import { Field, ID, ObjectType } from 'type-graphql';

/** A task under a goal (`goal` and `steps` are resolved in task.resolver.ts). */
@ObjectType('PlanTask')
export class PlanTask {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  title: string;

  /** Not a GraphQL field. */
  goalId: string;

  /** Not a GraphQL field: whether its steps can be overdue (an OPEN goal of a draft or active plan). */
  live: boolean;
}
