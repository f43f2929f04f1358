/**
 * The goals' hand-written SQL: the set-based insert of a plan's new goals
 * (one statement however many) and the count behind the goals-per-plan limit.
 */
import type { EntityManager } from 'typeorm';
import type { SmartAnswers } from '../plan/plan.rules';
import type { GoalTerm } from './goal.entity';

const GOAL_SLOTS_SQL = `SELECT count(*)::int AS count, coalesce(max(position) + 1, 0)::int AS next FROM plans.goal WHERE plan_id = $1`;

export interface GoalSlotsRow {
  /** Goals the plan has, cancelled ones included. */
  count: number;
  /** The position a new goal takes. */
  next: number;
}

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
