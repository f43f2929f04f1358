import { Field, ID, InputType } from 'type-graphql';
import type { InformationKind } from '@caseflow/auth';
import { InformationKindEnum } from './consent.type';

@InputType('RecordConsentInput')
export class RecordConsentInput {
  @Field(() => ID)
  clientId: string;

  @Field(() => ID)
  recipientOrganizationId: string;

  @Field(() => [InformationKindEnum])
  scope: InformationKind[];

  @Field(() => String)
  purpose: string;

  @Field(() => Date)
  signedAt: Date;

  @Field(() => Date, { nullable: true, description: 'Defaults to signedAt + 3 months.' })
  expiresAt?: Date | null;

  @Field(() => String, { nullable: true })
  witness?: string | null;
}
