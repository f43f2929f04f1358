/**
 * `__resolveReference` for the clients subgraph's entities: batched through
 * the request's loaders, and checked like any other read — a record the
 * caller may not see resolves to null (and the denial is audited).
 */
import { mayReadAssessments, toAssessment } from './assessment/assessment.service';
import type { NeedsAssessment } from './assessment/assessment.type';
import type { Client } from './client/client.type';
import { toConsent } from './consent/consent.service';
import type { Consent } from './consent/consent.type';
import type { ClientsContext } from './context';
import type { CaseNote } from './note/note.type';
import type { ReferenceResolvers } from '@caseflow/federation';
import type { StaffMember } from './staff/staff.type';

type Ref = { id: string };

export const clientsReferenceResolvers: ReferenceResolvers = {
  Client: (ref: Ref, ctx: ClientsContext): Promise<Client | null> => ctx.clients.reference(ctx.actor, ref.id),
  StaffMember: (ref: Ref, ctx: ClientsContext): Promise<StaffMember | null> => ctx.staff.reference(ctx.actor, ref.id),
  NeedsAssessment: async (ref: Ref, ctx: ClientsContext): Promise<NeedsAssessment | null> => {
    const row = await ctx.clients.loadIfUuid(ctx.loaders.assessment, ref.id);
    if (!row) return null;
    const client = await ctx.clients.reference(ctx.actor, row.clientId);
    return client && mayReadAssessments(client) ? toAssessment(row) : null;
  },
  CaseNote: (ref: Ref, ctx: ClientsContext): Promise<CaseNote | null> =>
    ctx.notes.reference(ref.id, async (clientId) => {
      const client = await ctx.clients.reference(ctx.actor, clientId);
      return !!client && (client.access.caseRecord || client.access.kinds.includes('CASE_NOTES'));
    }),
  Consent: async (ref: Ref, ctx: ClientsContext): Promise<Consent | null> => {
    const row = await ctx.clients.loadIfUuid(ctx.loaders.consent, ref.id);
    if (!row) return null;
    const client = await ctx.clients.reference(ctx.actor, row.clientId);
    return client?.access.caseRecord ? toConsent(row) : null;
  },
};
