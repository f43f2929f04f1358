import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { ClientsContext } from '../context';
import { ContactPreferenceInput, KeyDateInput } from './client-parts.type';
import { CloseCaseInput, DetermineEligibilityInput, OpenClientInput } from './client.inputs';
import { Client } from './client.type';

@Resolver(() => Client)
export class ClientMutationResolver {
  @Mutation(() => Client)
  openClient(@Arg('input', () => OpenClientInput) input: OpenClientInput, @Ctx() ctx: ClientsContext): Promise<Client> {
    return ctx.commands.openClient(ctx.actor, input);
  }

  @Mutation(() => Client)
  determineEligibility(
    @Arg('input', () => DetermineEligibilityInput) input: DetermineEligibilityInput,
    @Ctx() ctx: ClientsContext,
  ): Promise<Client> {
    return ctx.commands.determineEligibility(ctx.actor, input);
  }

  @Mutation(() => Client)
  activateClient(@Arg('clientId', () => ID) clientId: string, @Ctx() ctx: ClientsContext): Promise<Client> {
    return ctx.commands.activateClient(ctx.actor, clientId);
  }

  @Mutation(() => Client)
  updateContactPreference(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('input', () => ContactPreferenceInput) input: ContactPreferenceInput,
    @Ctx() ctx: ClientsContext,
  ): Promise<Client> {
    return ctx.commands.updateContactPreference(ctx.actor, clientId, input);
  }

  @Mutation(() => Client)
  setKeyDates(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('keyDates', () => [KeyDateInput]) keyDates: KeyDateInput[],
    @Ctx() ctx: ClientsContext,
  ): Promise<Client> {
    return ctx.commands.setKeyDates(ctx.actor, clientId, keyDates);
  }

  @Mutation(() => Client)
  scheduleFollowUp(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('at', () => Date) at: Date,
    @Ctx() ctx: ClientsContext,
  ): Promise<Client> {
    return ctx.commands.scheduleFollowUp(ctx.actor, clientId, at);
  }

  @Mutation(() => Client)
  assignCaseManager(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('staffMemberId', () => ID) staffMemberId: string,
    @Ctx() ctx: ClientsContext,
  ): Promise<Client> {
    return ctx.commands.assignCaseManager(ctx.actor, clientId, staffMemberId);
  }

  @Mutation(() => Client)
  closeCase(@Arg('input', () => CloseCaseInput) input: CloseCaseInput, @Ctx() ctx: ClientsContext): Promise<Client> {
    return ctx.commands.closeCase(ctx.actor, input);
  }

  @Mutation(() => Client)
  reopenCase(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: ClientsContext,
  ): Promise<Client> {
    return ctx.commands.reopenCase(ctx.actor, clientId, reason);
  }
}
