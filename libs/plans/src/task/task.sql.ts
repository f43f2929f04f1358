/**
 * The tasks' hand-written SQL: the set-based insert of new goals' tasks (one
 * statement however many), the count behind the tasks-per-goal limit, and the
 * loaders' two reads as prepared statements (tasks by id, a goal's tasks).
 */
import type { DataSource, EntityManager } from 'typeorm';
import { preparedRead, runPrepared } from '@caseflow/db';
import type { SlotsRow } from '../plan/plan.rules';
import type { PlanTaskEntity } from './task.entity';

const INSERT_TASKS_SQL = `INSERT INTO plans.plan_task (id, goal_id, position, title)
 SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[])`;

export interface NewTask {
  id: string;
  goalId: string;
  position: number;
  title: string;
}

/** Inserts tasks in one statement. */
export const insertTasks = (m: EntityManager, p: { tasks: NewTask[] }) =>
  m.query<void>(INSERT_TASKS_SQL, [
    p.tasks.map((t) => t.id),
    p.tasks.map((t) => t.goalId),
    p.tasks.map((t) => t.position),
    p.tasks.map((t) => t.title),
  ]);

const TASK_SLOTS_SQL = `SELECT count(*)::int AS count, coalesce(max(position) + 1, 0)::int AS next FROM plans.plan_task WHERE goal_id = $1`;

/** How many tasks a goal has and where the next one goes (`plan_task_goal_position_idx`); one row. */
export const taskSlots = (m: EntityManager, p: { goalId: string }) => m.query<SlotsRow[]>(TASK_SLOTS_SQL, [p.goalId]);

/** A task row shaped as the entity (a plain object). */
export type TaskRow = { [K in keyof PlanTaskEntity]: PlanTaskEntity[K] };

/** Every column of plans.plan_task under its entity property name. */
const TASK_COLUMNS = 't.id, t.goal_id AS "goalId", t.position, t.title';

const TASKS_BY_ID = preparedRead<TaskRow, [string[]]>(
  'plans.tasks-by-id',
  `SELECT ${TASK_COLUMNS} FROM plans.plan_task t WHERE t.id = ANY($1::uuid[])`,
);

const TASKS_OF_GOALS = preparedRead<TaskRow, [string[]]>(
  'plans.tasks-by-goal',
  `SELECT ${TASK_COLUMNS} FROM plans.plan_task t WHERE t.goal_id = ANY($1::uuid[]) ORDER BY t.position, t.id`,
);

/** The tasks of these ids (each at most once, in no order): the request's task loader. */
export const tasksByIds = (dataSource: DataSource, ids: readonly string[]) => runPrepared(dataSource, TASKS_BY_ID, [[...ids]]);

/** The tasks of these goals, by position then id: the request's tasks-of-a-goal loader, on every plan tree. */
export const tasksOfGoals = (dataSource: DataSource, goalIds: readonly string[]) => runPrepared(dataSource, TASKS_OF_GOALS, [[...goalIds]]);
