/**
 * The plan's hand-written SQL: the conditional version raise that every
 * change to a plan ends with (`UPDATE … WHERE version = $read RETURNING`).
 * Reads, locks and plain writes of plans go through TypeORM.
 */
import type { EntityManager } from 'typeorm';
import type { PlanStatus } from './plan.entity';

const RAISE_VERSION_SQL = `UPDATE plans.action_plan SET version = $3, status = coalesce($4, status), updated_at = now()
  WHERE id = $1 AND version = $2 RETURNING version`;

export interface RaiseVersionParams {
  planId: string;
  /** The version the plan was locked at: the row is changed only if it still has it. */
  from: number;
  to: number;
  /** The plan's new status, when the change moves it. */
  status: PlanStatus | null;
}

export interface VersionRow {
  version: number;
}

/** Raises the plan's version from `from` to `to`; answers the changed rows (none when the version moved on) and their count. */
export const raisePlanVersion = (m: EntityManager, p: RaiseVersionParams) =>
  m.query<[VersionRow[], number]>(RAISE_VERSION_SQL, [p.planId, p.from, p.to, p.status]);
