import { Field, ID, InputType } from 'type-graphql';
import { ConsentTerms } from './consent.type';

@InputType('RecordConsentInput')
export class RecordConsentInput extends ConsentTerms {
  @Field(() => ID)
  clientId: string;

  @Field(() => ID)
  recipientOrganizationId: string;

  @Field(() => Date, { nullable: true, description: 'Defaults to signedAt + 3 months.' })
  expiresAt?: Date | null;

  @Field(() => String, { nullable: true })
  witness?: string | null;
}
