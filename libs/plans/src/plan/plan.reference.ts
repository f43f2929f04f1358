import type { PlansContext } from '../context';
import type { ActionPlan } from './plan.type';

/** `_entities` for ActionPlan: batched through the loaders, checked like `actionPlan(id)`; null when the caller may not see it. */
export const planReferences = {
  ActionPlan: (ref: { id: string }, ctx: PlansContext): Promise<ActionPlan | null> => ctx.plans.reference(ctx.actor, ref.id),
};
