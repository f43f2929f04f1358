import { Field, ID, ObjectType } from 'type-graphql';
import { PageInfo } from '@caseflow/federation';

@ObjectType('AuditEvent', { description: 'One event of the audit trail: who did what to which record, when, and whether it was allowed.' })
export class AuditEvent {
  @Field(() => Date)
  at: Date;

  @Field(() => String, { description: 'The subgraph that recorded it: clients, plans or referrals.' })
  source: string;

  @Field(() => ID)
  actorId: string;

  @Field(() => String)
  actorRole: string;

  @Field(() => String)
  action: string;

  @Field(() => String)
  entityType: string;

  @Field(() => String, { nullable: true })
  entityId: string | null;

  @Field(() => String, { description: 'ALLOWED or DENIED' })
  outcome: string;

  @Field(() => String, { nullable: true })
  detail: string | null;

  @Field(() => String)
  requestId: string;
}

@ObjectType('AuditEventEdge')
export class AuditEventEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => AuditEvent)
  node: AuditEvent;
}

@ObjectType('AuditEventConnection')
export class AuditEventConnection {
  @Field(() => [AuditEventEdge])
  edges: AuditEventEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
