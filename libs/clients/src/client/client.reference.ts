import type { ClientsContext } from '../context';
import type { Client } from './client.type';

/**
 * `__resolveReference` for Client: batched through the request's loaders and
 * checked like any other read — a client the caller may not see resolves to
 * null (and the denial is audited).
 */
export const clientReference = (ref: { id: string }, ctx: ClientsContext): Promise<Client | null> =>
  ctx.clients.reference(ctx.actor, ref.id);
