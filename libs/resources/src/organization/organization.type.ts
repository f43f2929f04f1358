import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '@caseflow/federation';
import { NamedEntry } from '../shared/named-entry.type';

/** An agency in the directory (HSDS organization). Its phones, locations and services are field resolvers. */
@ObjectType('Organization')
@Directive('@key(fields: "id")')
export class Organization extends NamedEntry {
  @Field(() => String)
  description: string;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  website: string | null;
}

@ObjectType('OrganizationEdge')
export class OrganizationEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Organization)
  node: Organization;
}

/** A page of organizations found by name. */
@ObjectType('OrganizationConnection')
export class OrganizationConnection {
  @Field(() => [OrganizationEdge])
  edges: OrganizationEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
