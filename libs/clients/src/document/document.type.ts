import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DOCUMENT_KINDS, type DocumentKind } from './document.entity';

export const DocumentKindEnum = Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, k])) as { [K in DocumentKind]: K };
registerEnumType(DocumentKindEnum, { name: 'DocumentKind' });

@ObjectType('ClientDocument')
export class ClientDocument {
  @Field(() => ID)
  id: string;

  @Field(() => DocumentKindEnum)
  kind: DocumentKind;

  @Field(() => String)
  title: string;

  @Field(() => String, { description: 'application/pdf, image/png or image/jpeg, checked from the content, not the name.' })
  contentType: string;

  @Field(() => Int)
  sizeBytes: number;

  @Field(() => String, { description: 'SHA-256 of the content, hex.' })
  sha256: string;

  @Field(() => Date)
  uploadedAt: Date;

  @Field(() => String, { description: 'Relative URL on the gateway; GET with the same bearer token returns the content (audited).' })
  downloadPath: string;

  /** Not GraphQL fields: the rows the field resolvers read. */
  clientId: string;
  uploadedById: string;
  consentId: string | null;
}
