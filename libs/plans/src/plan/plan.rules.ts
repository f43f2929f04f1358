import { conflict, integer, invalidTransition, listLength, optionalDate, optionalText, requiredText } from '@caseflow/core';
import type { GoalTerm } from '../goal/goal.entity';
import type { PlanStatus } from './plan.entity';
import { calendarDate } from '../step/step.rules';

/** Sizes and lengths a plan may have (the database CHECKs repeat the text lengths). */
export const PLAN_LIMITS = {
  goals: 20,
  tasksPerGoal: 20,
  stepsPerTask: 50,
  description: 2000,
  title: 500,
  estimatedTime: 200,
  whoHelps: 500,
  rationale: 2000,
  /** How far ahead of the plan's creation a target or due date may be. */
  yearsAhead: 10,
} as const;

const DAY = 86_400_000;

/** The dates a plan's target and due dates may take: from the day before the plan was made to ten years after. */
export interface DateWindow {
  earliest: string;
  latest: string;
}

export function dateWindow(planCreatedAt: Date): DateWindow {
  const latest = new Date(planCreatedAt.getTime());
  latest.setUTCFullYear(latest.getUTCFullYear() + PLAN_LIMITS.yearsAhead);
  return { earliest: calendarDate(new Date(planCreatedAt.getTime() - DAY)), latest: calendarDate(latest) };
}

export function checkDate(field: string, value: string | null | undefined, window: DateWindow): string | null {
  const meaning = `from ${window.earliest} (the day before the plan was made) to ${window.latest}`;
  return optionalDate(field, value, { min: window.earliest, max: window.latest, meaning });
}

export function checkRationale(field: string, value: string): string {
  return requiredText(field, value, { max: PLAN_LIMITS.rationale });
}

/** A plan version the caller last saw: 1 or more. */
export function checkVersion(field: string, value: number): number {
  return integer(field, value, { min: 1 });
}

export interface StepDraft {
  description: string;
  estimatedTime: string | null;
  dueDate: string | null;
  whoHelps: string | null;
}

export interface TaskDraft {
  title: string;
  steps: StepDraft[];
}

export interface SmartAnswers {
  specific: boolean;
  measurable: boolean;
  achievable: boolean;
  relevant: boolean;
  timeLimited: boolean;
}

export interface GoalDraft {
  description: string;
  term: GoalTerm;
  targetDate: string | null;
  smart: SmartAnswers;
  tasks: TaskDraft[];
}

interface StepShape {
  description: string;
  estimatedTime?: string | null;
  dueDate?: string | null;
  whoHelps?: string | null;
}

interface TaskShape {
  title: string;
  steps: StepShape[];
}

interface GoalShape {
  description: string;
  term: GoalTerm;
  targetDate?: string | null;
  smart: SmartAnswers;
  tasks: TaskShape[];
}

/** Checks one step; every problem names its field, e.g. `step.dueDate`. */
export function checkStep(field: string, step: StepShape, window: DateWindow): StepDraft {
  return {
    description: requiredText(`${field}.description`, step.description, { max: PLAN_LIMITS.description }),
    estimatedTime: optionalText(`${field}.estimatedTime`, step.estimatedTime, { max: PLAN_LIMITS.estimatedTime }),
    dueDate: checkDate(`${field}.dueDate`, step.dueDate, window),
    whoHelps: optionalText(`${field}.whoHelps`, step.whoHelps, { max: PLAN_LIMITS.whoHelps }),
  };
}

/** Checks one major task with its steps; every problem names its field, e.g. `task.steps[0].description`. */
export function checkTask(field: string, task: TaskShape, window: DateWindow): TaskDraft {
  const title = requiredText(`${field}.title`, task.title, { max: PLAN_LIMITS.title });
  listLength(`${field}.steps`, task.steps, { max: PLAN_LIMITS.stepsPerTask, noun: 'steps' });
  return { title, steps: task.steps.map((step, s) => checkStep(`${field}.steps[${s}]`, step, window)) };
}

/** Checks one goal with its tasks and steps; every problem names its field, e.g. `goal.tasks[1].steps[0].dueDate`. */
export function checkGoal(field: string, goal: GoalShape, window: DateWindow): GoalDraft {
  const description = requiredText(`${field}.description`, goal.description, { max: PLAN_LIMITS.description });
  const targetDate = checkDate(`${field}.targetDate`, goal.targetDate, window);
  listLength(`${field}.tasks`, goal.tasks, { max: PLAN_LIMITS.tasksPerGoal, noun: 'tasks' });
  const tasks = goal.tasks.map((task, t) => checkTask(`${field}.tasks[${t}]`, task, window));
  const { specific, measurable, achievable, relevant, timeLimited } = goal.smart;
  return { description, term: goal.term, targetDate, smart: { specific, measurable, achievable, relevant, timeLimited }, tasks };
}

/** Checks the goals of a new plan: at most 20, each checked as `checkGoal`. */
export function checkGoals(field: string, goals: GoalShape[], window: DateWindow): GoalDraft[] {
  listLength(field, goals, { max: PLAN_LIMITS.goals, noun: 'goals' });
  return goals.map((goal, g) => checkGoal(`${field}[${g}]`, goal, window));
}

/** The SMART answers a goal still lacks (empty when the goal is SMART). */
export function missingSmart(smart: SmartAnswers): Array<keyof SmartAnswers> {
  return (Object.keys(smart) as Array<keyof SmartAnswers>).filter((k) => !smart[k]);
}

/** How many children (goals, tasks, steps) a parent has, cancelled ones included, and the position a new one takes. */
export interface SlotsRow {
  count: number;
  next: number;
}

/** CONFLICT unless the caller read the plan's current version. */
export function expectVersion(plan: { version: number }, expectedVersion: number): void {
  if (plan.version !== expectedVersion) {
    throw conflict(`The plan changed since you read it (version ${expectedVersion}; it is now ${plan.version}); reload and try again`, {
      currentVersion: plan.version,
    });
  }
}

/** INVALID_TRANSITION unless the plan is in one of `allowed`. */
export function expectStatus(plan: { status: PlanStatus }, allowed: readonly PlanStatus[], doing: string): void {
  if (!allowed.includes(plan.status)) {
    throw invalidTransition(`A ${plan.status} plan cannot be changed: ${doing}`, { status: plan.status });
  }
}
