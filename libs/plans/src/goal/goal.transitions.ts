import type { PlanStatus } from '../plan/plan.entity';
import { isPlanOpen } from '../plan/plan.transitions';
import type { GoalStatus } from './goal.entity';

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
