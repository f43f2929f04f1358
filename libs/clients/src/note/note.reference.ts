import { mayReadCaseNotes } from '../client/client.policy';
import type { ClientsContext } from '../context';
import type { CaseNote } from './note.type';

/** `__resolveReference` for CaseNote: a note the caller may see (case access or consent, and the sensitivity rule), else null. */
export const noteReference = (ref: { id: string }, ctx: ClientsContext): Promise<CaseNote | null> =>
  ctx.notes.reference(ref.id, async (clientId) => {
    const client = await ctx.clients.reference(ctx.actor, clientId);
    return !!client && mayReadCaseNotes(client);
  });
