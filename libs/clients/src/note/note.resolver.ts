import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Client } from '../client/client.type';
import type { ClientsContext } from '../context';
import { StaffMember } from '../staff/staff.type';
import { AddCaseNoteInput } from './note.inputs';
import { CaseNote } from './note.type';

@Resolver(() => CaseNote)
export class NoteResolver {
  @Mutation(() => CaseNote)
  addCaseNote(@Arg('input', () => AddCaseNoteInput) input: AddCaseNoteInput, @Ctx() ctx: ClientsContext): Promise<CaseNote> {
    return ctx.noteCommands.add(ctx.actor, input);
  }

  @FieldResolver(() => Client)
  async client(@Root() note: CaseNote, @Ctx() ctx: ClientsContext): Promise<Client> {
    return (await ctx.clients.get(ctx.actor, note.clientId)) as Client;
  }

  @FieldResolver(() => StaffMember)
  async author(@Root() note: CaseNote, @Ctx() ctx: ClientsContext): Promise<StaffMember> {
    return (await ctx.staff.reference(ctx.actor, note.authorId)) as StaffMember;
  }

  @FieldResolver(() => CaseNote, { nullable: true, description: 'The note this one corrects, when it is an amendment.' })
  amends(@Root() note: CaseNote, @Ctx() ctx: ClientsContext): Promise<CaseNote | null> {
    return ctx.notes.amends(note);
  }

  @FieldResolver(() => [CaseNote])
  amendments(@Root() note: CaseNote, @Ctx() ctx: ClientsContext): Promise<CaseNote[]> {
    return ctx.notes.amendments(note);
  }
}
