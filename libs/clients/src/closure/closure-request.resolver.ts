import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Client } from '../client/client.type';
import type { ClientsContext } from '../context';
import { StaffMember } from '../staff/staff.type';
import type { ApprovalDecision, ApprovalStatus } from './closure-request.entity';
import { RequestClosureInput } from './closure-request.inputs';
import { QUEUE_PAGE_DEFAULT } from './closure-request.queries';
import { ApprovalDecisionEnum, ApprovalStatusEnum, ClosureRequest, ClosureRequestConnection } from './closure-request.type';

@Resolver(() => ClosureRequest)
export class ClosureRequestResolver {
  @Query(() => ClosureRequestConnection, { description: "Supervisors: their agency's closure requests, oldest pending first." })
  closureRequests(
    @Ctx() ctx: ClientsContext,
    @Arg('status', () => [ApprovalStatusEnum], { nullable: true }) status?: ApprovalStatus[],
    @Arg('first', () => Int, { nullable: true, defaultValue: QUEUE_PAGE_DEFAULT }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<ClosureRequestConnection> {
    return ctx.closureRequests.queue(ctx.actor, status, first, after);
  }

  /** The client, when the caller may see it (its read audited); null otherwise. */
  @FieldResolver(() => Client, { nullable: true })
  client(@Root() request: ClosureRequest, @Ctx() ctx: ClientsContext): Promise<Client | null> {
    return ctx.clients.reference(ctx.actor, request.clientId);
  }

  @FieldResolver(() => StaffMember)
  async requestedBy(@Root() request: ClosureRequest, @Ctx() ctx: ClientsContext): Promise<StaffMember> {
    return (await ctx.closureRequests.staffMember(request.requestedById))!;
  }

  @FieldResolver(() => StaffMember, { nullable: true })
  decidedBy(@Root() request: ClosureRequest, @Ctx() ctx: ClientsContext): Promise<StaffMember | null> {
    return ctx.closureRequests.staffMember(request.decidedById);
  }

  @Mutation(() => ClosureRequest)
  requestClosure(@Arg('input', () => RequestClosureInput) input: RequestClosureInput, @Ctx() ctx: ClientsContext): Promise<ClosureRequest> {
    return ctx.closureRequestCommands.requestClosure(ctx.actor, input);
  }

  @Mutation(() => ClosureRequest)
  decideClosure(
    @Arg('requestId', () => ID) requestId: string,
    @Arg('decision', () => ApprovalDecisionEnum) decision: ApprovalDecision,
    @Ctx() ctx: ClientsContext,
    @Arg('note', () => String, { nullable: true }) note?: string,
  ): Promise<ClosureRequest> {
    return ctx.closureRequestCommands.decideClosure(ctx.actor, requestId, decision, note);
  }

  @Mutation(() => ClosureRequest)
  withdrawClosureRequest(@Arg('requestId', () => ID) requestId: string, @Ctx() ctx: ClientsContext): Promise<ClosureRequest> {
    return ctx.closureRequestCommands.withdrawClosureRequest(ctx.actor, requestId);
  }
}

@Resolver(() => Client)
export class ClientClosureRequestResolver {
  @FieldResolver(() => ClosureRequest, { nullable: true, description: 'The open or latest closure request.' })
  closureRequest(@Root() client: Client, @Ctx() ctx: ClientsContext): Promise<ClosureRequest | null> {
    return ctx.closureRequests.forClient(client);
  }
}
