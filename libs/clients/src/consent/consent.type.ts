import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { INFORMATION_KINDS, type InformationKind } from '@caseflow/auth';
import { OrganizationRef } from '../organization/organization.ref';
import type { ConsentStatus } from '../access/access.policy';

export const InformationKindEnum = Object.fromEntries(INFORMATION_KINDS.map((k) => [k, k])) as { [K in InformationKind]: K };
registerEnumType(InformationKindEnum, { name: 'InformationKind' });
export const ConsentStatusEnum = { ACTIVE: 'ACTIVE', EXPIRED: 'EXPIRED', REVOKED: 'REVOKED' } as const;
registerEnumType(ConsentStatusEnum, { name: 'ConsentStatus' });

@ObjectType('Consent')
@Directive('@key(fields: "id")')
export class Consent {
  @Field(() => ID)
  id: string;

  @Field(() => OrganizationRef, { nullable: true })
  recipient: OrganizationRef | null;

  @Field(() => [InformationKindEnum])
  scope: InformationKind[];

  @Field(() => String)
  purpose: string;

  @Field(() => Date)
  signedAt: Date;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true })
  witness: string | null;

  @Field(() => ConsentStatusEnum)
  status: ConsentStatus;

  /** Not a GraphQL field. */
  clientId: string;
}
