import type { ProgressRow } from './progress.sql';
import type { PlanProgress } from './progress.type';

export interface ProgressCounts {
  planId: string;
  goalsTotal: number;
  goalsAchieved: number;
  stepsTotal: number;
  stepsComplete: number;
  overdueSteps: number;
}

/**
 * Percent complete: complete steps out of counted steps; a plan without steps
 * is measured by its goals instead; an empty plan is at 0. One decimal.
 */
export function toProgress(c: Omit<ProgressCounts, 'planId'>): PlanProgress {
  const [done, total] = c.stepsTotal > 0 ? [c.stepsComplete, c.stepsTotal] : [c.goalsAchieved, c.goalsTotal];
  const percentComplete = total === 0 ? 0 : Math.round((1000 * done) / total) / 10;
  return { ...c, percentComplete };
}

export function toProgressCounts(r: ProgressRow): ProgressCounts {
  return {
    planId: r.plan_id,
    goalsTotal: r.goals_total,
    goalsAchieved: r.goals_achieved,
    stepsTotal: r.steps_total,
    stepsComplete: r.steps_complete,
    overdueSteps: r.overdue_steps,
  };
}
