import type { PlansContext } from '../context';
import type { PriorityRanking } from './ranking.type';

/** `_entities` for PriorityRanking: read under the client's PLANS grant; null when the caller may not see it. */
export const rankingReferences = {
  PriorityRanking: (ref: { id: string }, ctx: PlansContext): Promise<PriorityRanking | null> => ctx.rankings.reference(ctx.actor, ref.id),
};
