import { Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { signCaseloadGrant } from '@caseflow/auth';
import type { ClientsContext } from '../context';
import { CaseloadSummary } from './caseload-summary.type';

@Resolver(() => CaseloadSummary)
export class TeamCaseloadsResolver {
  @Query(() => [CaseloadSummary], { description: 'Supervisors: one row per case manager of their agency.' })
  teamCaseloads(@Ctx() ctx: ClientsContext): Promise<CaseloadSummary[]> {
    return ctx.teamCaseloads.list();
  }

  /** For plans and referrals only (the gateway passes it with the key): the open clients they count over, signed for this caller and request. */
  @FieldResolver(() => String, { nullable: true })
  @Directive('@inaccessible')
  caseloadGrant(@Root() summary: CaseloadSummary, @Ctx() ctx: ClientsContext): string {
    const grant = { staffMemberId: summary.staffMemberId, organizationId: summary.organizationId, clientIds: summary.clientIds };
    return signCaseloadGrant(grant, { actor: ctx.actor, requestId: ctx.requestId }, ctx.internalSecret);
  }
}

/** `__resolveReference` for CaseloadSummary: supervisors of the case manager's agency only. */
export const caseloadSummaryReference = (ref: Record<string, unknown>, ctx: ClientsContext): Promise<CaseloadSummary | null> =>
  ctx.teamCaseloads.reference(String(ref.staffMemberId ?? ''));
