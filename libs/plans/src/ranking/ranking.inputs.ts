import { Field, ID, InputType, Int } from 'type-graphql';

@InputType('PairwiseChoiceInput')
export class PairwiseChoiceInput {
  @Field(() => Int, { description: 'indexes into items' })
  a: number;

  @Field(() => Int)
  b: number;

  @Field(() => Int)
  winner: number;
}

@InputType('RankPrioritiesInput')
export class RankPrioritiesInput {
  @Field(() => ID)
  clientId: string;

  @Field(() => [String])
  items: string[];

  @Field(() => [PairwiseChoiceInput])
  choices: PairwiseChoiceInput[];
}
