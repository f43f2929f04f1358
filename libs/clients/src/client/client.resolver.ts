import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { forbidden } from '@caseflow/core';
import { DateScalar } from '@caseflow/federation';
import type { ClientsContext } from '../context';
import { StaffMember } from '../staff/staff.type';
import { Client, ClientConnection, ClientFilter, ClientStatusEnum } from './client.type';
import type { ClientStatus } from './client.entity';

/** Fields of the case record: only callers with case access (not partners under a consent) read them. */
function caseRecord<T>(client: Client, value: T): T {
  if (!client.access.caseRecord) throw forbidden("This field is outside the client's consent to your organization");
  return value;
}

@Resolver(() => Client)
export class ClientResolver {
  @Query(() => Client, { nullable: true })
  client(@Arg('id', () => ID) id: string, @Ctx() ctx: ClientsContext): Promise<Client | null> {
    return ctx.clients.get(ctx.actor, id);
  }

  @Query(() => ClientConnection)
  clients(
    @Ctx() ctx: ClientsContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 25 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('filter', () => ClientFilter, { nullable: true }) filter?: ClientFilter,
  ): Promise<ClientConnection> {
    return ctx.clients.list(ctx.actor, first, after, filter);
  }

  @FieldResolver(() => DateScalar, { nullable: true })
  dateOfBirth(@Root() client: Client): string | null {
    return caseRecord(client, client.dateOfBirth);
  }

  @FieldResolver(() => ClientStatusEnum)
  status(@Root() client: Client): ClientStatus {
    return caseRecord(client, client.status);
  }

  @FieldResolver(() => DateScalar)
  intakeDate(@Root() client: Client): string {
    return caseRecord(client, client.intakeDate);
  }

  @FieldResolver(() => StaffMember, { nullable: true })
  async assignedCaseManager(@Root() client: Client, @Ctx() ctx: ClientsContext): Promise<StaffMember | null> {
    const id = caseRecord(client, client.assignedCaseManagerId);
    return id ? ctx.staff.reference(ctx.actor, id) : null;
  }
}
