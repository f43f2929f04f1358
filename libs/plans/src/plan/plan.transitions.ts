import type { GoalStatus } from '../goal/goal.entity';
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

/** An OPEN goal is closed as ACHIEVED, NOT_ACHIEVED or CANCELLED; a closed goal can only be reopened. */
const GOAL_MOVES: Record<GoalStatus, readonly GoalStatus[]> = {
  OPEN: ['ACHIEVED', 'NOT_ACHIEVED', 'CANCELLED'],
  ACHIEVED: ['OPEN'],
  NOT_ACHIEVED: ['OPEN'],
  CANCELLED: ['OPEN'],
};

export function canMoveGoal(from: GoalStatus, to: GoalStatus): boolean {
  return GOAL_MOVES[from].includes(to);
}

/** Whether a goal's steps can be late: the goal is still OPEN in a plan that is still open. */
export function isLive(planStatus: PlanStatus, goalStatus: GoalStatus): boolean {
  return isPlanOpen(planStatus) && goalStatus === 'OPEN';
}
