import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ROLES, type Role } from '@caseflow/auth';
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
}
