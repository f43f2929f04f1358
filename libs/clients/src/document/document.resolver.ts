import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Client } from '../client/client.type';
import type { ClientsContext } from '../context';
import { consentReference } from '../consent/consent.reference';
import { Consent } from '../consent/consent.type';
import { StaffMember } from '../staff/staff.type';
import type { DocumentKind } from './document.entity';
import { DocumentQueries } from './document.queries';
import { ClientDocument, DocumentKindEnum } from './document.type';

const perRequest = new WeakMap<ClientsContext, DocumentQueries>();

/** The request's document queries (one set of loaders per request). */
function documentsOf(ctx: ClientsContext): DocumentQueries {
  let queries = perRequest.get(ctx);
  if (!queries) {
    queries = new DocumentQueries(ctx.deps);
    perRequest.set(ctx, queries);
  }
  return queries;
}

@Resolver(() => ClientDocument)
export class DocumentResolver {
  @Mutation(() => ClientDocument, {
    description: 'Documents are uploaded with POST /documents (multipart) on the gateway; this only changes their metadata.',
  })
  retitleDocument(
    @Arg('documentId', () => ID) documentId: string,
    @Arg('title', () => String) title: string,
    @Arg('kind', () => DocumentKindEnum) kind: DocumentKind,
    @Ctx() ctx: ClientsContext,
  ): Promise<ClientDocument> {
    return documentsOf(ctx).retitle(ctx.actor, documentId, title, kind);
  }

  @FieldResolver(() => StaffMember)
  async uploadedBy(@Root() document: ClientDocument, @Ctx() ctx: ClientsContext): Promise<StaffMember> {
    return (await ctx.staff.reference(ctx.actor, document.uploadedById)) as StaffMember;
  }

  @FieldResolver(() => Consent, {
    nullable: true,
    description: 'The consent this document is the signed form of, when kind is SIGNED_CONSENT.',
  })
  async consent(@Root() document: ClientDocument, @Ctx() ctx: ClientsContext): Promise<Consent | null> {
    return document.consentId ? consentReference({ id: document.consentId }, ctx) : null;
  }
}

@Resolver(() => Client)
export class ClientDocumentsResolver {
  @FieldResolver(() => [ClientDocument], { description: "The client's documents, newest first." })
  documents(@Root() client: Client, @Ctx() ctx: ClientsContext): Promise<ClientDocument[]> {
    return documentsOf(ctx).forClient(client);
  }
}

@Resolver(() => Consent)
export class ConsentSignedFormResolver {
  @FieldResolver(() => ClientDocument, { nullable: true, description: 'The signed form, when one was uploaded.' })
  signedForm(@Root() consent: Consent, @Ctx() ctx: ClientsContext): Promise<ClientDocument | null> {
    return documentsOf(ctx).signedFormOf(consent);
  }
}
