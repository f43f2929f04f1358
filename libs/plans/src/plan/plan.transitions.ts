import type { PlanStatus } from './plan.entity';

/**
 * A plan is drafted, agreed (ACTIVE), then COMPLETED; a draft or an active
 * plan can be CANCELLED. COMPLETED and CANCELLED are final.
 */
const PLAN_MOVES: Record<PlanStatus, readonly PlanStatus[]> = {
  DRAFT: ['ACTIVE', 'CANCELLED'],
  ACTIVE: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

export function canMovePlan(from: PlanStatus, to: PlanStatus): boolean {
  return PLAN_MOVES[from].includes(to);
}

/** Whether the plan's contents (goals, tasks, steps) may still change: only while it is a draft or active. */
export function isPlanOpen(status: PlanStatus): boolean {
  return status === 'DRAFT' || status === 'ACTIVE';
}
