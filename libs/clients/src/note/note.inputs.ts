import { Field, ID, InputType } from 'type-graphql';
import type { ContactType } from './note.entity';
import { ContactTypeEnum } from './note.type';

@InputType('AddCaseNoteInput')
export class AddCaseNoteInput {
  @Field(() => ID)
  clientId: string;

  @Field(() => Date)
  occurredAt: Date;

  @Field(() => ContactTypeEnum)
  contactType: ContactType;

  @Field(() => String)
  body: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  sensitive?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Set to amend (correct) an earlier note.' })
  amendsNoteId?: string | null;
}
