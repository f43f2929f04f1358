import type { PlansContext } from '../context';
import type { Goal } from './goal.type';

/** `_entities` for Goal: checked through the goal's plan; null when the caller may not see it. */
export const goalReferences = {
  Goal: (ref: { id: string }, ctx: PlansContext): Promise<Goal | null> => ctx.goals.reference(ctx.actor, ref.id),
};
