import type { StepOutcome } from './step.entity';

/** Outcomes after which a step can no longer be late. */
const SETTLED: ReadonlySet<StepOutcome> = new Set<StepOutcome>(['COMPLETE', 'CANCELLED']);

/**
 * A step is overdue when its due date is before `today` and it is neither
 * complete nor cancelled. A step due today is not yet overdue; a step with no
 * due date never is. Dates are calendar dates (YYYY-MM-DD), which compare as strings.
 */
export function isOverdue(step: { dueDate: string | null; outcome: StepOutcome }, today: string): boolean {
  return step.dueDate !== null && step.dueDate < today && !SETTLED.has(step.outcome);
}

/** The calendar date of an instant, in UTC. */
export function calendarDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}
