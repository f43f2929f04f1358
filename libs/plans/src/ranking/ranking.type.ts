import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ClientRef } from '../client/client.ref';
import { StaffMemberRef } from '../staff-member/staff-member.ref';

@ObjectType('RankedItem')
export class RankedItem {
  @Field(() => String)
  item: string;

  @Field(() => Int)
  wins: number;

  @Field(() => Int)
  rank: number;
}

/** A client's needs ranked with the pairwise prioritizing grid. */
@ObjectType('PriorityRanking')
@Directive('@key(fields: "id")')
export class PriorityRanking {
  @Field(() => ID)
  id: string;

  @Field(() => ClientRef, { nullable: true })
  client: ClientRef | null;

  @Field(() => [RankedItem], { description: 'Most important first.' })
  items: RankedItem[];

  @Field(() => Date)
  createdAt: Date;

  @Field(() => StaffMemberRef, { nullable: true })
  createdBy: StaffMemberRef | null;
}
