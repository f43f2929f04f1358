import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { INFORMATION_KINDS, type InformationKind } from '@caseflow/auth';
import { OrganizationRef } from '../organization/organization.ref';
import type { ConsentStatus } from '../access/access.policy';

export const InformationKindEnum = Object.fromEntries(INFORMATION_KINDS.map((k) => [k, k])) as { [K in InformationKind]: K };
registerEnumType(InformationKindEnum, { name: 'InformationKind' });
export const ConsentStatusEnum = { ACTIVE: 'ACTIVE', EXPIRED: 'EXPIRED', REVOKED: 'REVOKED' } as const;
registerEnumType(ConsentStatusEnum, { name: 'ConsentStatus' });

/** What a consent releases, why, and when it was signed: alike in `Consent` and `RecordConsentInput`; not itself in the schema. */
@ObjectType('ConsentTerms')
@InputType('ConsentTermsInput')
export abstract class ConsentTerms {
  @Field(() => [InformationKindEnum])
  scope: InformationKind[];

  @Field(() => String)
  purpose: string;

  @Field(() => Date)
  signedAt: Date;
}

@ObjectType('Consent')
@Directive('@key(fields: "id")')
export class Consent extends ConsentTerms {
  @Field(() => ID)
  id: string;

  @Field(() => OrganizationRef, { nullable: true })
  recipient: OrganizationRef | null;

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
