import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { InformationKind } from '@caseflow/auth';
import { DateScalar, PageInfo } from '@caseflow/federation';
import { StaffMember } from '../staff/staff.type';
import type { ClientEntity, ClientStatus } from './client.entity';
import { KeyDate } from './client-parts.type';

export const ClientStatusEnum = { INTAKE: 'INTAKE', ACTIVE: 'ACTIVE', ON_HOLD: 'ON_HOLD', CLOSED: 'CLOSED' } as const;
registerEnumType(ClientStatusEnum, { name: 'ClientStatus' });

/**
 * A client as the API shows it. Kept apart from the entity so that a new
 * column never becomes a public field by accident. `access` records what the
 * caller may see; fields of the case record check it (partners under a
 * consent see names and contact details only).
 */
@ObjectType('Client')
@Directive('@key(fields: "id")')
export class Client {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  firstName: string;

  @Field(() => String)
  lastName: string;

  @Field(() => String, { nullable: true })
  preferredName: string | null;

  @Field(() => String, { description: 'preferredName (or firstName) and lastName.' })
  displayName: string;

  @Field(() => DateScalar, { nullable: true })
  dateOfBirth: string | null;

  @Field(() => ClientStatusEnum)
  status: ClientStatus;

  @Field(() => DateScalar)
  intakeDate: string;

  @Field(() => StaffMember, { nullable: true })
  assignedCaseManager: StaffMember | null;

  @Field(() => [KeyDate])
  keyDates: KeyDate[];

  @Field(() => Date, { nullable: true })
  nextFollowUpAt: Date | null;

  /** Not GraphQL fields: the caller's access (set by the service) and the row the field resolvers read. */
  access: { caseRecord: boolean; kinds: InformationKind[] };
  assignedCaseManagerId: string | null;
  organizationId: string;
  entity: ClientEntity;
}

@ObjectType('ClientEdge')
export class ClientEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Client)
  node: Client;
}

@ObjectType('ClientConnection')
export class ClientConnection {
  @Field(() => [ClientEdge])
  edges: ClientEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}

@InputType('ClientFilter')
export class ClientFilter {
  @Field(() => [ClientStatusEnum], { nullable: true })
  status?: ClientStatus[] | null;

  @Field(() => ID, { nullable: true })
  assignedCaseManagerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Matches first, last or preferred name, case- and accent-insensitive.' })
  nameContains?: string | null;
}
