import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Client } from '../client/client.type';
import type { ClientsContext } from '../context';
import { ProfileCommands } from './profile.commands';
import { ClientAddressInput, DemographicsInput, HouseholdMemberInput } from './profile.inputs';
import { profileQueries } from './profile.queries';
import { ClientAddress, Demographics, HouseholdMember } from './profile.type';

const commandsOf = (ctx: ClientsContext) => new ProfileCommands(ctx.deps, profileQueries(ctx));

/** Where the client lives, who they live with, and what they said about themselves. */
@Resolver(() => Client)
export class ClientProfileResolver {
  @FieldResolver(() => ClientAddress, { nullable: true })
  address(@Root() client: Client, @Ctx() ctx: ClientsContext): Promise<ClientAddress | null> {
    return profileQueries(ctx).address(client);
  }

  @FieldResolver(() => [HouseholdMember])
  household(@Root() client: Client, @Ctx() ctx: ClientsContext): Promise<HouseholdMember[]> {
    return profileQueries(ctx).household(client);
  }

  @FieldResolver(() => Demographics, { nullable: true })
  demographics(@Root() client: Client, @Ctx() ctx: ClientsContext): Promise<Demographics | null> {
    return profileQueries(ctx).demographics(client);
  }

  @Mutation(() => Client)
  setClientAddress(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('address', () => ClientAddressInput, { nullable: true }) address: ClientAddressInput | null,
    @Ctx() ctx: ClientsContext,
  ): Promise<Client> {
    return commandsOf(ctx).setAddress(ctx.actor, clientId, address);
  }

  @Mutation(() => Client, { description: 'Replaces the household with this list (members not listed are removed, with history).' })
  setHousehold(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('members', () => [HouseholdMemberInput]) members: HouseholdMemberInput[],
    @Ctx() ctx: ClientsContext,
  ): Promise<Client> {
    return commandsOf(ctx).setHousehold(ctx.actor, clientId, members);
  }

  @Mutation(() => Client)
  setDemographics(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('input', () => DemographicsInput) input: DemographicsInput,
    @Ctx() ctx: ClientsContext,
  ): Promise<Client> {
    return commandsOf(ctx).setDemographics(ctx.actor, clientId, input);
  }
}
