import { badInput } from '@caseflow/core';
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

export interface StepState {
  outcome: StepOutcome;
  dueDate: string | null;
  completedAt: string | null;
}

export interface StepChange {
  outcome?: StepOutcome | null;
  completedAt?: string | null;
  dueDate?: string | null;
}

/** Field → [before, after] for what a change altered. */
export type StepDiff = Partial<Record<keyof StepState, [string | null, string | null]>>;

/**
 * The step after a change, or BAD_USER_INPUT naming the field:
 * - a COMPLETE step has a completion date (today unless given; never in the
 *   future); any other outcome has none, and giving one is refused;
 * - bringing a step forward needs a new due date, today or later, different
 *   from the current one — the old date stays in the plan's revisions;
 * - a change that changes nothing is refused.
 * Absent (or null) fields keep their value. `field` prefixes the field names.
 */
export function applyStepChange(
  current: StepState,
  change: StepChange,
  today: string,
  field = 'input',
): { next: StepState; diff: StepDiff } {
  if (change.outcome == null && change.completedAt == null && change.dueDate == null) {
    throw badInput(field, 'must change at least one of outcome, completedAt or dueDate');
  }
  const outcome = change.outcome ?? current.outcome;
  if (change.completedAt != null && outcome !== 'COMPLETE') {
    throw badInput(`${field}.completedAt`, 'may be given only when the step is COMPLETE');
  }
  if (change.completedAt != null && change.completedAt > today) throw badInput(`${field}.completedAt`, 'must not be in the future');
  const completedAt =
    outcome !== 'COMPLETE' ? null : (change.completedAt ?? (current.outcome === 'COMPLETE' ? current.completedAt : null) ?? today);

  if (change.outcome === 'BROUGHT_FORWARD') {
    if (change.dueDate == null) throw badInput(`${field}.dueDate`, 'is required when a step is brought forward (the new due date)');
    if (change.dueDate === current.dueDate)
      throw badInput(`${field}.dueDate`, 'must differ from the current due date when a step is brought forward');
    if (change.dueDate < today) throw badInput(`${field}.dueDate`, 'must be today or later when a step is brought forward');
  }
  const dueDate = change.dueDate ?? current.dueDate;

  const next: StepState = { outcome, dueDate, completedAt };
  const diff: StepDiff = {};
  for (const key of ['outcome', 'dueDate', 'completedAt'] as const) {
    if (next[key] !== current[key]) diff[key] = [current[key], next[key]];
  }
  if (Object.keys(diff).length === 0) throw badInput(field, 'changes nothing: the step already has these values');
  return { next, diff };
}

/** A one-line, human-readable account of a step change, e.g. `Step "Apply to three postings": due 2026-11-20 → 2026-12-04`. */
export function describeStepChange(description: string, diff: StepDiff): string {
  const label = description.length > 80 ? `${description.slice(0, 79)}…` : description;
  const parts: string[] = [];
  if (diff.outcome) parts.push(diff.outcome[1] === 'BROUGHT_FORWARD' ? 'brought forward' : `${diff.outcome[0]} → ${diff.outcome[1]}`);
  if (diff.dueDate) parts.push(`due ${diff.dueDate[0] ?? 'none'} → ${diff.dueDate[1] ?? 'none'}`);
  if (diff.completedAt && diff.completedAt[1]) parts.push(`completed ${diff.completedAt[1]}`);
  return `Step "${label}": ${parts.join(', ') || 'completion date cleared'}`;
}
