/** Action plans: which changes a goal or step allows, and checks before an update is sent. */
import type { GoalStatus, StepOutcome } from '../graphql/generated';
import { today } from './dates';
import { todayInZone } from './zone';

export function goalMoves(status: GoalStatus): GoalStatus[] {
  return status === 'OPEN' ? ['ACHIEVED', 'NOT_ACHIEVED', 'CANCELLED'] : ['OPEN'];
}

export interface StepChange {
  outcome: StepOutcome;
  dueDate: string;
  completedAt: string;
  rationale: string;
}

export interface StepNow {
  outcome: StepOutcome;
  dueDate: string | null;
  completedAt: string | null;
}

/** Field problems of a step change, checked as the plans subgraph checks them. */
export function stepChangeErrors(
  change: StepChange,
  step: StepNow,
  now: Date = new Date(),
  zone?: string,
): Partial<Record<keyof StepChange, string>> {
  const errors: Partial<Record<keyof StepChange, string>> = {};
  // Today where the agency works, as the plans subgraph counts it (the browser's day without a zone).
  const day = zone ? todayInZone(zone, now) : today(now);
  if (!change.rationale.trim()) errors.rationale = 'Say why the step changes; it is kept in the plan history.';
  else if (change.rationale.trim().length > 2000) errors.rationale = 'Use at most 2,000 characters.';
  if (change.outcome === 'BROUGHT_FORWARD') {
    if (!change.dueDate) errors.dueDate = 'A step brought forward needs its new due date.';
    else if (change.dueDate < day) errors.dueDate = 'The new due date must be today or later.';
    else if (change.dueDate === step.dueDate) errors.dueDate = 'Choose a due date other than the current one.';
  }
  if (change.outcome === 'COMPLETE' && change.completedAt && change.completedAt > day)
    errors.completedAt = 'The completion date must not be in the future.';
  const unchanged =
    change.outcome === step.outcome &&
    (change.dueDate || null) === step.dueDate &&
    (change.outcome !== 'COMPLETE' || !change.completedAt || change.completedAt === step.completedAt);
  if (unchanged && !errors.rationale) errors.outcome = 'Change the outcome or the due date.';
  return errors;
}

/** The API's UpdateStepInput fields for a change (leaving out what does not apply). */
export function stepUpdate(
  change: StepChange,
  step: StepNow,
): { outcome?: StepOutcome; completedAt?: string; dueDate?: string; rationale: string } {
  return {
    ...(change.outcome !== step.outcome ? { outcome: change.outcome } : {}),
    ...(change.outcome === 'COMPLETE' && change.completedAt ? { completedAt: change.completedAt } : {}),
    ...(change.dueDate && change.dueDate !== step.dueDate ? { dueDate: change.dueDate } : {}),
    rationale: change.rationale.trim(),
  };
}

export const SMART_LABELS = {
  specific: 'Specific',
  measurable: 'Measurable',
  achievable: 'Achievable',
  relevant: 'Relevant',
  timeLimited: 'Time-limited',
} as const;

export type SmartKey = keyof typeof SMART_LABELS;
export const SMART_KEYS = Object.keys(SMART_LABELS) as SmartKey[];

export interface StepValues {
  description: string;
  estimatedTime: string;
  dueDate: string;
  whoHelps: string;
}

export interface GoalValues {
  description: string;
  term: 'SHORT' | 'MID' | 'LONG' | '';
  targetDate: string;
  smart: Record<SmartKey, boolean>;
  tasks: Array<{ title: string; steps: StepValues[] }>;
}

export const EMPTY_STEP: StepValues = { description: '', estimatedTime: '', dueDate: '', whoHelps: '' };

export function emptyGoal(): GoalValues {
  return {
    description: '',
    term: '',
    targetDate: '',
    smart: { specific: false, measurable: false, achievable: false, relevant: false, timeLimited: false },
    tasks: [{ title: '', steps: [{ ...EMPTY_STEP }] }],
  };
}

export type TaskValues = GoalValues['tasks'][number];

export function emptyTask(): TaskValues {
  return { title: '', steps: [{ ...EMPTY_STEP }] };
}

type Problems = Record<string, string>;

function textProblem(errors: Problems, value: string, field: string, max: number, what: string | null): void {
  if (what && !value.trim()) errors[field] = `${what} is required.`;
  else if (value.trim().length > max) errors[field] = `Use at most ${max.toLocaleString('en-CA')} characters.`;
}

/** The earliest target or due date the form accepts: the plans subgraph allows from the day before the plan was made. */
function earliestDate(now: Date): string {
  return today(new Date(now.getTime() - 86_400_000));
}

function dateProblem(errors: Problems, value: string, field: string, earliest: string): void {
  if (value && value < earliest) errors[field] = 'The date must not be in the past.';
}

/** A step's problems, named `${at}description` and so on, as the plans subgraph names them. */
export function stepErrors(step: StepValues, at = '', now: Date = new Date()): Problems {
  const errors: Problems = {};
  textProblem(errors, step.description, `${at}description`, 2000, 'The step');
  textProblem(errors, step.estimatedTime, `${at}estimatedTime`, 200, null);
  textProblem(errors, step.whoHelps, `${at}whoHelps`, 500, null);
  dateProblem(errors, step.dueDate, `${at}dueDate`, earliestDate(now));
  return errors;
}

/** A major task's problems with its steps', named `${at}title`, `${at}steps[0].description` and so on. */
export function taskErrors(task: TaskValues, at = '', now: Date = new Date()): Problems {
  const errors: Problems = {};
  textProblem(errors, task.title, `${at}title`, 500, 'The task');
  if (task.steps.length > 50) errors[`${at}steps`] = 'A task has at most 50 steps.';
  task.steps.forEach((step, s) => Object.assign(errors, stepErrors(step, `${at}steps[${s}].`, now)));
  return errors;
}

/**
 * A goal's problems, named as the plans subgraph names them relative to the
 * goal (`description`, `tasks[0].steps[1].dueDate`). A goal that is not yet
 * SMART is accepted (the plan prompts about it later).
 */
export function goalErrors(goal: GoalValues, now: Date = new Date()): Record<string, string> {
  const errors: Problems = {};
  textProblem(errors, goal.description, 'description', 2000, 'The goal');
  if (!goal.term) errors.term = 'Choose the term.';
  dateProblem(errors, goal.targetDate, 'targetDate', earliestDate(now));
  if (goal.tasks.length > 20) errors.tasks = 'A goal has at most 20 tasks.';
  goal.tasks.forEach((task, t) => Object.assign(errors, taskErrors(task, `tasks[${t}].`, now)));
  return errors;
}

const STEP_FIELD = '(description|estimatedTime|dueDate|whoHelps)';

/** Every field name goalErrors can give, for matching the server's names. */
export function isGoalField(name: string): boolean {
  const task = /^tasks\[\d+\](?:\.(.+))?$/.exec(name);
  return /^(description|term|targetDate|tasks)$/.test(name) || (task !== null && (task[1] === undefined || isTaskField(task[1])));
}

/** Every field name taskErrors can give (relative to the task). */
export function isTaskField(name: string): boolean {
  return new RegExp(`^(title|steps|steps\\[\\d+\\]\\.${STEP_FIELD})$`).test(name);
}

/** Every field name stepErrors can give (relative to the step). */
export function isStepField(name: string): boolean {
  return new RegExp(`^${STEP_FIELD}$`).test(name);
}

/** A step as the API's PlanStepInput. */
export function stepInput(s: StepValues) {
  return {
    description: s.description.trim(),
    estimatedTime: s.estimatedTime.trim() || null,
    dueDate: s.dueDate || null,
    whoHelps: s.whoHelps.trim() || null,
  };
}

/** A major task as the API's PlanTaskInput. */
export function taskInput(t: TaskValues) {
  return { title: t.title.trim(), steps: t.steps.map(stepInput) };
}

export function goalInput(goal: GoalValues) {
  return {
    description: goal.description.trim(),
    term: goal.term as 'SHORT' | 'MID' | 'LONG',
    targetDate: goal.targetDate || null,
    smart: goal.smart,
    tasks: goal.tasks.map(taskInput),
  };
}

/** The rationale every change to a plan asks for (kept in its history): required, at most 2,000 characters. */
export function rationaleProblem(rationale: string, why: string): string | undefined {
  if (!rationale.trim()) return `Say why ${why}; it is kept in the plan history.`;
  return rationale.trim().length > 2000 ? 'Use at most 2,000 characters.' : undefined;
}
