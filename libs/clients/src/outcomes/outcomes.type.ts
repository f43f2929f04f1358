import { Field, ObjectType } from 'type-graphql';
import { OutcomeCount } from '@caseflow/federation';
import type { ClosureOutcome } from '../client/client.entity';
import { ClosureOutcomeEnum } from '../client/client.type';

@ObjectType('CaseOutcomeCell')
export class CaseOutcomeCell {
  @Field(() => ClosureOutcomeEnum)
  outcome: ClosureOutcome;

  @Field(() => String, { nullable: true })
  program: string | null;

  @Field(() => String, { nullable: true })
  month: string | null;

  @Field(() => OutcomeCount)
  closed: OutcomeCount;
}
