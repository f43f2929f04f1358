/**
 * The goals' hand-written SQL: the set-based insert of a plan's new goals
 * (one statement however many), the count behind the goals-per-plan limit,
 * and the loaders' two reads as prepared statements (goals by id, a plan's goals).
 */
import type { DataSource, EntityManager } from 'typeorm';
import { preparedRead, runPrepared } from '@caseflow/db';
import type { SlotsRow, SmartAnswers } from '../plan/plan.rules';
import type { GoalEntity, GoalTerm } from './goal.entity';

const GOAL_SLOTS_SQL = `SELECT count(*)::int AS count, coalesce(max(position) + 1, 0)::int AS next FROM plans.goal WHERE plan_id = $1`;

/** Goals the plan has (cancelled ones included) and the position a new goal takes. */
export type GoalSlotsRow = SlotsRow;

/** How many goals a plan has and where the next one goes; one row. */
export const goalSlots = (m: EntityManager, p: { planId: string }) => m.query<GoalSlotsRow[]>(GOAL_SLOTS_SQL, [p.planId]);

const INSERT_GOALS_SQL = `INSERT INTO plans.goal (id, plan_id, position, description, term, target_date, set_at,
                         smart_specific, smart_measurable, smart_achievable, smart_relevant, smart_time_limited)
 SELECT t.id, $2, t.position, t.description, t.term, t.target_date, CASE WHEN $3 THEN now() END,
        t.specific, t.measurable, t.achievable, t.relevant, t.time_limited
   FROM unnest($1::uuid[], $4::int[], $5::text[], $6::text[], $7::date[], $8::boolean[], $9::boolean[], $10::boolean[], $11::boolean[], $12::boolean[])
     AS t(id, position, description, term, target_date, specific, measurable, achievable, relevant, time_limited)`;

export interface NewGoal {
  id: string;
  position: number;
  description: string;
  term: GoalTerm;
  targetDate: string | null;
  smart: SmartAnswers;
}

export interface InsertGoalsParams {
  planId: string;
  /** Whether the goals count as set now (the plan is active) or not yet (a draft). */
  setNow: boolean;
  goals: NewGoal[];
}

/** Inserts goals into one plan in one statement. */
export const insertGoals = (m: EntityManager, p: InsertGoalsParams) =>
  m.query<void>(INSERT_GOALS_SQL, [
    p.goals.map((g) => g.id),
    p.planId,
    p.setNow,
    p.goals.map((g) => g.position),
    p.goals.map((g) => g.description),
    p.goals.map((g) => g.term),
    p.goals.map((g) => g.targetDate),
    p.goals.map((g) => g.smart.specific),
    p.goals.map((g) => g.smart.measurable),
    p.goals.map((g) => g.smart.achievable),
    p.goals.map((g) => g.smart.relevant),
    p.goals.map((g) => g.smart.timeLimited),
  ]);

/** A goal row shaped as the entity (a plain object). */
export type GoalRow = { [K in keyof GoalEntity]: GoalEntity[K] };

/** Every column of plans.goal under its entity property name; the target date (not a timestamp) as 'YYYY-MM-DD' text, as TypeORM gives it. */
const GOAL_COLUMNS = `g.id, g.plan_id AS "planId", g.position, g.description, g.term, g.target_date::text AS "targetDate",
       g.smart_specific AS "smartSpecific", g.smart_measurable AS "smartMeasurable", g.smart_achievable AS "smartAchievable",
       g.smart_relevant AS "smartRelevant", g.smart_time_limited AS "smartTimeLimited", g.status, g.created_at AS "createdAt",
       g.set_at AS "setAt"`;

const GOALS_BY_ID = preparedRead<GoalRow, [string[]]>(
  'plans.goals-by-id',
  `SELECT ${GOAL_COLUMNS} FROM plans.goal g WHERE g.id = ANY($1::uuid[])`,
);

const GOALS_OF_PLANS = preparedRead<GoalRow, [string[]]>(
  'plans.goals-by-plan',
  `SELECT ${GOAL_COLUMNS} FROM plans.goal g WHERE g.plan_id = ANY($1::uuid[]) ORDER BY g.position, g.id`,
);

/** The goals of these ids (each at most once, in no order): the request's goal loader. */
export const goalsByIds = (dataSource: DataSource, ids: readonly string[]) => runPrepared(dataSource, GOALS_BY_ID, [[...ids]]);

/** The goals of these plans, by position then id: the request's goals-of-a-plan loader, on every plan tree. */
export const goalsOfPlans = (dataSource: DataSource, planIds: readonly string[]) => runPrepared(dataSource, GOALS_OF_PLANS, [[...planIds]]);
