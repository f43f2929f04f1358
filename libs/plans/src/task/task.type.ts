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
}
