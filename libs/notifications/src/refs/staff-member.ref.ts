import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { ReferenceResolvers } from '@caseflow/federation';

/** The clients subgraph's StaffMember, to which this subgraph adds `notificationPreferences` (preference.resolver.ts). */
@ObjectType('StaffMember')
@Directive('@key(fields: "id")')
export class StaffMemberRef {
  @Field(() => ID)
  id: string;
}

/** The key is all this subgraph knows of a staff member; the field it adds decides who may read it. */
export const staffMemberReferences: ReferenceResolvers = {
  StaffMember: (ref: { id: string }): StaffMemberRef => ({ id: ref.id }),
};
