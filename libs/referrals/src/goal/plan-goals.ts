/**
 * What a referral needs to know about a goal it names, asked of the plans
 * subgraph (which owns goals) over the internal channel on the caller's
 * behalf, like services are asked of the directory (see peer-entities.ts):
 * does the goal exist, and whose plan is it in. The plans subgraph answers
 * only goals whose client's plans the caller may read (null otherwise, as
 * for an unknown goal).
 */
import type { PeerEntities } from '../peer-entities';

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

/** Goals of client plans by id: null for a goal the plans subgraph does not know or does not show the caller. */
export const PLAN_GOALS: PeerEntities<GoalFacts, PlanGoal> = {
  typename: 'Goal',
  query: GOAL_FACTS_QUERY,
  peerName: 'The plans service',
  notConfigured: 'Goals could not be checked (the plans service is not configured)',
  incomplete: 'The plans service gave an incomplete answer; retry later',
  read: (g) => (g?.plan?.client ? { id: g.id, clientId: g.plan.client.id } : null),
};
