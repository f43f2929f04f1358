import { badInput } from '@caseflow/core';
import type { GoalTerm } from '../goal/goal.entity';
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

export function checkDate(value: string | null | undefined, field: string, window: DateWindow): string | null {
  if (value === null || value === undefined) return null;
  if (value < window.earliest) throw badInput(field, `must not be before ${window.earliest} (the day before the plan was made)`);
  if (value > window.latest) throw badInput(field, `must not be after ${window.latest}`);
  return value;
}

/** A required text: trimmed, not empty, at most `max` characters. */
export function requiredText(value: string, field: string, max: number): string {
  const text = value.trim();
  if (!text) throw badInput(field, 'must not be empty');
  if (text.length > max) throw badInput(field, `must be at most ${max} characters`);
  return text;
}

/** An optional text: trimmed; empty counts as absent. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text.length > max) throw badInput(field, `must be at most ${max} characters`);
  return text || null;
}

export function checkRationale(value: string, field = 'rationale'): string {
  return requiredText(value, field, PLAN_LIMITS.rationale);
}

export function checkVersion(value: number, field = 'expectedVersion'): number {
  if (!Number.isInteger(value) || value < 1) throw badInput(field, 'must be a plan version (1 or more)');
  return value;
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

interface GoalShape {
  description: string;
  term: GoalTerm;
  targetDate?: string | null;
  smart: SmartAnswers;
  tasks: Array<{ title: string; steps: StepShape[] }>;
}

/** Checks one goal with its tasks and steps; every problem names its field, e.g. `goal.tasks[1].steps[0].dueDate`. */
export function checkGoal(goal: GoalShape, field: string, window: DateWindow): GoalDraft {
  const description = requiredText(goal.description, `${field}.description`, PLAN_LIMITS.description);
  const targetDate = checkDate(goal.targetDate, `${field}.targetDate`, window);
  if (goal.tasks.length > PLAN_LIMITS.tasksPerGoal) throw badInput(`${field}.tasks`, `must hold at most ${PLAN_LIMITS.tasksPerGoal} tasks`);
  const tasks = goal.tasks.map((task, t) => {
    const at = `${field}.tasks[${t}]`;
    const title = requiredText(task.title, `${at}.title`, PLAN_LIMITS.title);
    if (task.steps.length > PLAN_LIMITS.stepsPerTask) throw badInput(`${at}.steps`, `must hold at most ${PLAN_LIMITS.stepsPerTask} steps`);
    const steps = task.steps.map((step, s) => ({
      description: requiredText(step.description, `${at}.steps[${s}].description`, PLAN_LIMITS.description),
      estimatedTime: optionalText(step.estimatedTime, `${at}.steps[${s}].estimatedTime`, PLAN_LIMITS.estimatedTime),
      dueDate: checkDate(step.dueDate, `${at}.steps[${s}].dueDate`, window),
      whoHelps: optionalText(step.whoHelps, `${at}.steps[${s}].whoHelps`, PLAN_LIMITS.whoHelps),
    }));
    return { title, steps };
  });
  const { specific, measurable, achievable, relevant, timeLimited } = goal.smart;
  return { description, term: goal.term, targetDate, smart: { specific, measurable, achievable, relevant, timeLimited }, tasks };
}

/** Checks the goals of a new plan: at most 20, each checked as `checkGoal`. */
export function checkGoals(goals: GoalShape[], field: string, window: DateWindow): GoalDraft[] {
  if (goals.length > PLAN_LIMITS.goals) throw badInput(field, `must hold at most ${PLAN_LIMITS.goals} goals`);
  return goals.map((goal, g) => checkGoal(goal, `${field}[${g}]`, window));
}

/** The SMART answers a goal still lacks (empty when the goal is SMART). */
export function missingSmart(smart: SmartAnswers): Array<keyof SmartAnswers> {
  return (Object.keys(smart) as Array<keyof SmartAnswers>).filter((k) => !smart[k]);
}
