import { Field, ID, InputType } from 'type-graphql';
import { CaseNoteContact } from './note.type';

@InputType('AddCaseNoteInput')
export class AddCaseNoteInput extends CaseNoteContact {
  @Field(() => ID)
  clientId: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  sensitive?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Set to amend (correct) an earlier note.' })
  amendsNoteId?: string | null;
}
