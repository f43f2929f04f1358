import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Client } from '../client/client.type';
import type { ClientsContext } from '../context';
import { RecordConsentInput } from './consent.inputs';
import { Consent } from './consent.type';

@Resolver(() => Consent)
export class ConsentResolver {
  @Mutation(() => Consent)
  recordConsent(@Arg('input', () => RecordConsentInput) input: RecordConsentInput, @Ctx() ctx: ClientsContext): Promise<Consent> {
    return ctx.consentCommands.record(ctx.actor, input);
  }

  @Mutation(() => Consent)
  revokeConsent(@Arg('consentId', () => ID) consentId: string, @Ctx() ctx: ClientsContext): Promise<Consent> {
    return ctx.consentCommands.revoke(ctx.actor, consentId);
  }

  @FieldResolver(() => Client)
  async client(@Root() consent: Consent, @Ctx() ctx: ClientsContext): Promise<Client> {
    return (await ctx.clients.get(ctx.actor, consent.clientId)) as Client;
  }
}
