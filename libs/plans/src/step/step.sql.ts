/**
 * The steps' hand-written SQL: the set-based insert of new tasks' steps, and
 * the two reads that cross the plan tree (a step's plan, a task's goal).
 */
import type { EntityManager } from 'typeorm';
import type { GoalStatus } from '../goal/goal.entity';

const INSERT_STEPS_SQL = `INSERT INTO plans.plan_step (task_id, position, description, estimated_time, due_date, who_helps)
 SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::date[], $6::text[])`;

export interface NewStep {
  taskId: string;
  position: number;
  description: string;
  estimatedTime: string | null;
  dueDate: string | null;
  whoHelps: string | null;
}

/** Inserts steps in one statement. */
export const insertSteps = (m: EntityManager, p: { steps: NewStep[] }) =>
  m.query<void>(INSERT_STEPS_SQL, [
    p.steps.map((s) => s.taskId),
    p.steps.map((s) => s.position),
    p.steps.map((s) => s.description),
    p.steps.map((s) => s.estimatedTime),
    p.steps.map((s) => s.dueDate),
    p.steps.map((s) => s.whoHelps),
  ]);

const STEP_PATH_SQL = `SELECT p.id AS plan_id, p.client_id, p.created_at AS plan_created_at
  FROM plans.plan_step s JOIN plans.plan_task t ON t.id = s.task_id
  JOIN plans.goal g ON g.id = t.goal_id JOIN plans.action_plan p ON p.id = g.plan_id
 WHERE s.id = $1`;

export interface StepPathRow {
  plan_id: string;
  client_id: string;
  plan_created_at: Date;
}

/** The plan a step belongs to (through its task and goal); no row for an unknown step. */
export const stepPath = (m: EntityManager, p: { stepId: string }) => m.query<StepPathRow[]>(STEP_PATH_SQL, [p.stepId]);

const GOAL_OF_TASK_SQL = `SELECT g.status FROM plans.plan_task t JOIN plans.goal g ON g.id = t.goal_id WHERE t.id = $1`;

export interface GoalStatusRow {
  status: GoalStatus;
}

/** The status of a task's goal (which decides, with the plan's, whether its steps can be overdue); one row. */
export const goalStatusOfTask = (m: EntityManager, p: { taskId: string }) => m.query<GoalStatusRow[]>(GOAL_OF_TASK_SQL, [p.taskId]);
