/**
 * The steps' hand-written SQL: the set-based insert of new tasks' steps, the
 * count behind the steps-per-task limit, the two reads that cross the plan tree (a step's plan, a task's goal), and the
 * loaders' two reads as prepared statements (steps by id, a task's steps).
 */
import type { DataSource, EntityManager } from 'typeorm';
import { preparedRead, runPrepared } from '@caseflow/db';
import type { GoalStatus } from '../goal/goal.entity';
import type { SlotsRow } from '../plan/plan.rules';
import type { PlanStepEntity } from './step.entity';

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

const STEP_SLOTS_SQL = `SELECT count(*)::int AS count, coalesce(max(position) + 1, 0)::int AS next FROM plans.plan_step WHERE task_id = $1`;

/** How many steps a task has and where the next one goes (`plan_step_task_position_idx`); one row. */
export const stepSlots = (m: EntityManager, p: { taskId: string }) => m.query<SlotsRow[]>(STEP_SLOTS_SQL, [p.taskId]);

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

/** A step row shaped as the entity (a plain object). */
export type StepRow = { [K in keyof PlanStepEntity]: PlanStepEntity[K] };

/** Every column of plans.plan_step under its entity property name; dates (not timestamps) as 'YYYY-MM-DD' text, as TypeORM gives them. */
const STEP_COLUMNS = `s.id, s.task_id AS "taskId", s.position, s.description, s.estimated_time AS "estimatedTime",
       s.due_date::text AS "dueDate", s.completed_at::text AS "completedAt", s.outcome, s.who_helps AS "whoHelps"`;

const STEPS_BY_ID = preparedRead<StepRow, [string[]]>(
  'plans.steps-by-id',
  `SELECT ${STEP_COLUMNS} FROM plans.plan_step s WHERE s.id = ANY($1::uuid[])`,
);

const STEPS_OF_TASKS = preparedRead<StepRow, [string[]]>(
  'plans.steps-by-task',
  `SELECT ${STEP_COLUMNS} FROM plans.plan_step s WHERE s.task_id = ANY($1::uuid[]) ORDER BY s.position, s.id`,
);

/** The steps of these ids (each at most once, in no order): the request's step loader. */
export const stepsByIds = (dataSource: DataSource, ids: readonly string[]) => runPrepared(dataSource, STEPS_BY_ID, [[...ids]]);

/** The steps of these tasks, by position then id: the request's steps-of-a-task loader, on every plan tree. */
export const stepsOfTasks = (dataSource: DataSource, taskIds: readonly string[]) => runPrepared(dataSource, STEPS_OF_TASKS, [[...taskIds]]);
