import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '@caseflow/federation';
import type { ClosureOutcome } from '../client/client.entity';
import { ClosureOutcomeEnum } from '../client/client.type';
import { APPROVAL_DECISIONS, APPROVAL_STATUSES, type ApprovalDecision, type ApprovalStatus } from './closure-request.entity';

export const ApprovalStatusEnum = Object.fromEntries(APPROVAL_STATUSES.map((s) => [s, s])) as { [K in ApprovalStatus]: K };
registerEnumType(ApprovalStatusEnum, { name: 'ApprovalStatus' });

export const ApprovalDecisionEnum = Object.fromEntries(APPROVAL_DECISIONS.map((d) => [d, d])) as { [K in ApprovalDecision]: K };
registerEnumType(ApprovalDecisionEnum, { name: 'ApprovalDecision' });

/** A request to close a case; `client`, `requestedBy` and `decidedBy` are resolved from the ids it carries. */
@ObjectType('ClosureRequest')
export class ClosureRequest {
  @Field(() => ID)
  id: string;

  clientId: string;
  organizationId: string;
  requestedById: string;
  decidedById: string | null;

  @Field(() => Date)
  requestedAt: Date;

  @Field(() => ClosureOutcomeEnum)
  outcome: ClosureOutcome;

  @Field(() => String, { nullable: true })
  nextSteps: string | null;

  @Field(() => String)
  rationale: string;

  @Field(() => ApprovalStatusEnum)
  status: ApprovalStatus;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true })
  decisionNote: string | null;
}

@ObjectType('ClosureRequestEdge')
export class ClosureRequestEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => ClosureRequest)
  node: ClosureRequest;
}

@ObjectType('ClosureRequestConnection')
export class ClosureRequestConnection {
  @Field(() => [ClosureRequestEdge])
  edges: ClosureRequestEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
