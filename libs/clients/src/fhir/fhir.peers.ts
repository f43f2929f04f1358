/**
 * The parts of a client's record that other subgraphs hold, for the FHIR
 * export: goals from the plans subgraph, referrals from the referrals
 * subgraph. Each is asked for `_entities` on the Client, as the caller (the
 * caller's internal token) and with the grant this subgraph decided (signed
 * as `Client.accessGrant` is): each applies and audits its own access rule.
 * Fails closed: a peer that is not configured, does not answer, or answers
 * with an error is UNAVAILABLE, never a partial record.
 */
import { callPeer, type ClientGrant, type InternalIdentity, signGrantToken } from '@caseflow/auth';
import { unavailable } from '@caseflow/core';
import type { FhirGoal, FhirReferral, GoalStatus, ReferralStatus } from './fhir.mapper';

export interface FhirPeers {
  plansUrl?: string;
  referralsUrl?: string;
  timeoutMs?: number;
}

interface PlansAnswer {
  _entities: Array<{
    actionPlans: Array<{
      createdAt: string;
      goals: Array<{ id: string; description: string; term: FhirGoal['term']; targetDate: string | null; status: GoalStatus }>;
    }> | null;
  } | null>;
}

interface ReferralsAnswer {
  _entities: Array<{
    referrals: Array<{
      id: string;
      status: ReferralStatus;
      urgency: FhirReferral['urgency'];
      need: string;
      createdAt: string;
      sentAt: string | null;
      declineReason: string | null;
      outcome: string | null;
      goal: { id: string } | null;
      organization: { id: string } | null;
      service: { id: string } | null;
      history: Array<{ at: string }>;
    }> | null;
  } | null>;
}

const PLANS_QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Client {
  actionPlans { createdAt goals { id description term targetDate status } } } } }`;

const REFERRALS_QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Client {
  referrals { id status urgency need createdAt sentAt declineReason outcome
    goal { id } organization { id } service { id } history { at } } } } }`;

export async function fetchPeerRecord(
  peers: FhirPeers,
  caller: InternalIdentity & { token: string },
  grant: ClientGrant,
  internalSecret: string,
): Promise<{ goals: FhirGoal[]; referrals: FhirReferral[] }> {
  if (!peers.plansUrl) throw unavailable('The FHIR export needs the plans service, which is not configured');
  if (!peers.referralsUrl) throw unavailable('The FHIR export needs the referrals service, which is not configured');
  const accessGrant = signGrantToken(grant, { actor: caller.actor, requestId: caller.requestId }, internalSecret);
  const variables = { r: [{ __typename: 'Client', id: grant.clientId, accessGrant }] };
  const call = { internalToken: caller.token, requestId: caller.requestId, timeoutMs: peers.timeoutMs, variables };
  const [plans, referrals] = await Promise.all([
    callPeer<PlansAnswer>({ ...call, baseUrl: peers.plansUrl, peerName: 'The plans service', query: PLANS_QUERY }),
    callPeer<ReferralsAnswer>({ ...call, baseUrl: peers.referralsUrl, peerName: 'The referrals service', query: REFERRALS_QUERY }),
  ]);
  const plansOfClient = plans._entities[0]?.actionPlans;
  const referralsOfClient = referrals._entities[0]?.referrals;
  if (!plansOfClient) throw unavailable('The plans service could not answer; retry later');
  if (!referralsOfClient) throw unavailable('The referrals service could not answer; retry later');
  return {
    goals: plansOfClient.flatMap((plan) => plan.goals.map((g) => ({ ...g, planCreatedAt: plan.createdAt }))),
    referrals: referralsOfClient.map((r) => ({
      id: r.id,
      status: r.status,
      urgency: r.urgency,
      need: r.need,
      createdAt: r.createdAt,
      sentAt: r.sentAt,
      declineReason: r.declineReason,
      outcome: r.outcome,
      goalId: r.goal?.id ?? null,
      organizationId: r.organization?.id ?? null,
      serviceId: r.service?.id ?? null,
      lastChangedAt:
        r.history
          .map((h) => h.at)
          .sort()
          .at(-1) ?? null,
    })),
  };
}
