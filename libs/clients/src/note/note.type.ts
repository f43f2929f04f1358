import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '@caseflow/federation';
import { CONTACT_TYPES, type ContactType } from './note.entity';

export const ContactTypeEnum = Object.fromEntries(CONTACT_TYPES.map((t) => [t, t])) as { [K in ContactType]: K };
registerEnumType(ContactTypeEnum, { name: 'ContactType' });

/** When and how the contact was, and what is written of it: alike in `CaseNote` and `AddCaseNoteInput`; not itself in the schema. */
@ObjectType('CaseNoteContact')
@InputType('CaseNoteContactInput')
export abstract class CaseNoteContact {
  @Field(() => Date)
  occurredAt: Date;

  @Field(() => ContactTypeEnum)
  contactType: ContactType;

  @Field(() => String)
  body: string;
}

@ObjectType('CaseNote')
@Directive('@key(fields: "id")')
export class CaseNote extends CaseNoteContact {
  @Field(() => ID)
  id: string;

  @Field(() => Boolean)
  sensitive: boolean;

  @Field(() => Date)
  createdAt: Date;

  /** Not GraphQL fields: resolved by the note resolver. */
  clientId: string;
  authorId: string;
  amendsId: string | null;
}

@ObjectType('CaseNoteEdge')
export class CaseNoteEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => CaseNote)
  node: CaseNote;
}

@ObjectType('CaseNoteConnection')
export class CaseNoteConnection {
  @Field(() => [CaseNoteEdge])
  edges: CaseNoteEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
