import { Field, Float, Int, ObjectType } from 'type-graphql';

/** A plan's progress, from the counts the database keeps for each plan (plans.plan_progress). */
@ObjectType('PlanProgress')
export class PlanProgress {
  @Field(() => Int, { description: 'Goals not cancelled.' })
  goalsTotal: number;

  @Field(() => Int)
  goalsAchieved: number;

  @Field(() => Int, { description: 'Steps not cancelled, of goals not cancelled.' })
  stepsTotal: number;

  @Field(() => Int)
  stepsComplete: number;

  @Field(() => Int, { description: 'Steps past their due date, neither COMPLETE nor CANCELLED, of OPEN goals of a draft or active plan.' })
  overdueSteps: number;

  @Field(() => Float, { description: '0 to 100' })
  percentComplete: number;
}
