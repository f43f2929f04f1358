import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ROLES, type Role } from '@caseflow/auth';
import { PageInfo } from '@caseflow/federation';
import { OrganizationRef } from '../organization/organization.ref';

export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as { [K in Role]: K };
registerEnumType(RoleEnum, { name: 'Role' });

@ObjectType('StaffMember')
@Directive('@key(fields: "id")')
export class StaffMember {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  displayName: string;

  @Field(() => String)
  email: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => OrganizationRef, { nullable: true, description: 'The agency (an HSDS organization) this person works for.' })
  organization: OrganizationRef | null;

  @Field(() => Boolean, { description: 'False once the person has left or is suspended (they can no longer sign in).' })
  active: boolean;
}

@ObjectType('StaffMemberEdge')
export class StaffMemberEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => StaffMember)
  node: StaffMember;
}

/** A page of an agency's staff. */
@ObjectType('StaffMemberConnection')
export class StaffMemberConnection {
  @Field(() => [StaffMemberEdge])
  edges: StaffMemberEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
