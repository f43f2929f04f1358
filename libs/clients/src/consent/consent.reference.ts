import { isUuid } from '@caseflow/auth';
import type { ClientsContext } from '../context';
import { toConsent } from './consent.mapper';
import type { Consent } from './consent.type';

/** `__resolveReference` for Consent: null unless the caller has case access to the client (consents are part of the case record). */
export async function consentReference(ref: { id: string }, ctx: ClientsContext): Promise<Consent | null> {
  const row = isUuid(ref.id) ? await ctx.loaders.consent.load(ref.id) : null;
  if (!row) return null;
  const client = await ctx.clients.reference(ctx.actor, row.clientId);
  return client?.access.caseRecord ? toConsent(row) : null;
}
