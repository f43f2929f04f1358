/**
 * What a referral needs to know about a goal it names, asked of the plans
 * subgraph (which owns goals) over the internal channel on the caller's
 * behalf, like services are asked of the directory: does the goal exist, and
 * whose plan is it in. The plans subgraph answers only goals whose client's
 * plans the caller may read (null otherwise, as for an unknown goal). One
 * round trip per request; no answer is UNAVAILABLE, never a guess.
 */
import DataLoader from 'dataloader';
import { callPeer } from '@caseflow/auth';
import { unavailable } from '@caseflow/core';

export interface PlanGoal {
  id: string;
  /** The client whose plan holds the goal. */
  clientId: string;
}

export const GOAL_FACTS_QUERY = `query ReferralGoalFacts($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Goal { id plan { client { id } } }
  }
}`;

interface GoalFacts {
  id: string;
  plan: { client: { id: string } | null } | null;
}

export interface PlanGoalsOptions {
  plansUrl: string | undefined;
  timeoutMs?: number;
  internalToken: string;
  requestId: string;
}

/** A per-request loader of goals by id: null for a goal the plans subgraph does not know or does not show the caller. */
export function createPlanGoalsLoader(options: PlanGoalsOptions): DataLoader<string, PlanGoal | null> {
  return new DataLoader<string, PlanGoal | null>(
    async (ids) => {
      if (!options.plansUrl) throw unavailable('Goals could not be checked (the plans service is not configured)');
      const data = await callPeer<{ _entities: Array<GoalFacts | null> }>({
        baseUrl: options.plansUrl,
        internalToken: options.internalToken,
        requestId: options.requestId,
        query: GOAL_FACTS_QUERY,
        variables: { representations: ids.map((id) => ({ __typename: 'Goal', id })) },
        timeoutMs: options.timeoutMs,
        peerName: 'The plans service',
      });
      const entities = Array.isArray(data._entities) ? data._entities : [];
      if (entities.length !== ids.length) throw unavailable('The plans service gave an incomplete answer; retry later');
      return entities.map((g) => (g?.plan?.client ? { id: g.id, clientId: g.plan.client.id } : null));
    },
    { maxBatchSize: 100 },
  );
}
