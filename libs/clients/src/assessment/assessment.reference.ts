import { isUuid } from '@caseflow/auth';
import { mayReadAssessments } from '../client/client.policy';
import type { ClientsContext } from '../context';
import { toAssessment } from './assessment.mapper';
import type { NeedsAssessment } from './assessment.type';

/** `__resolveReference` for NeedsAssessment: null unless the caller may see the client and its assessments. */
export async function assessmentReference(ref: { id: string }, ctx: ClientsContext): Promise<NeedsAssessment | null> {
  const row = isUuid(ref.id) ? await ctx.loaders.assessment.load(ref.id) : null;
  if (!row) return null;
  const client = await ctx.clients.reference(ctx.actor, row.clientId);
  return client && mayReadAssessments(client) ? toAssessment(row) : null;
}
