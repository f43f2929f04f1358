import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ClientRef } from '../client/client.ref';
import { StaffMemberRef } from '../staff-member/staff-member.ref';
import type { PlanStatus } from './plan.entity';

export const PlanStatusEnum = { DRAFT: 'DRAFT', ACTIVE: 'ACTIVE', COMPLETED: 'COMPLETED', CANCELLED: 'CANCELLED' } as const;
registerEnumType(PlanStatusEnum, { name: 'PlanStatus' });

/** An action plan as the API shows it (`goals` is resolved in plan.resolver.ts). */
@ObjectType('ActionPlan')
@Directive('@key(fields: "id")')
export class ActionPlan {
  @Field(() => ID)
  id: string;

  @Field(() => ClientRef, { nullable: true })
  client: ClientRef | null;

  @Field(() => PlanStatusEnum)
  status: PlanStatus;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => StaffMemberRef, { nullable: true })
  createdBy: StaffMemberRef | null;

  @Field(() => Int, { description: 'Optimistic-concurrency version; every change must name the version it read.' })
  version: number;

  /** Not a GraphQL field: whose plan this is, for access checks. */
  clientId: string;
}
