/** The tasks' hand-written SQL: the set-based insert of new goals' tasks (one statement however many). */
import type { EntityManager } from 'typeorm';

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
