import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Client } from '../client/client.type';
import type { ClientsContext } from '../context';
import { AddCaseTeamMemberInput, TransferCaseloadInput } from './team.inputs';
import { CaseloadTransfer, CaseTeamMember } from './team.type';

@Resolver(() => Client)
export class CaseTeamResolver {
  @FieldResolver(() => [CaseTeamMember], {
    description: 'Staff besides the assigned case manager who work this case and may read and write its record.',
  })
  caseTeam(@Root() client: Client, @Ctx() ctx: ClientsContext): Promise<CaseTeamMember[]> {
    return ctx.caseTeams.forClient(client);
  }

  @Mutation(() => Client)
  addCaseTeamMember(
    @Arg('input', () => AddCaseTeamMemberInput) input: AddCaseTeamMemberInput,
    @Ctx() ctx: ClientsContext,
  ): Promise<Client> {
    return ctx.caseTeamCommands.addMember(ctx.actor, input);
  }

  @Mutation(() => Client)
  removeCaseTeamMember(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('staffMemberId', () => ID) staffMemberId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: ClientsContext,
  ): Promise<Client> {
    return ctx.caseTeamCommands.removeMember(ctx.actor, clientId, staffMemberId, reason);
  }

  @Mutation(() => CaseloadTransfer, {
    description: 'Supervisors: move clients between case managers of their agency in one step, all or nothing.',
  })
  transferCaseload(
    @Arg('input', () => TransferCaseloadInput) input: TransferCaseloadInput,
    @Ctx() ctx: ClientsContext,
  ): Promise<CaseloadTransfer> {
    return ctx.transferCommands.transferCaseload(ctx.actor, input);
  }
}
