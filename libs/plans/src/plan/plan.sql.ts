/**
 * The plan's hand-written SQL: the conditional version raise that every
 * change to a plan ends with (`UPDATE … WHERE version = $read RETURNING`),
 * and the two hot reads of the per-request loaders as prepared statements
 * (plans by id, and a client's plans with the active plan's progress counts).
 * Locks and plain writes of plans go through TypeORM.
 */
import type { EntityManager } from 'typeorm';
import { preparedRead } from '@caseflow/db';
import { PROGRESS_COLUMNS } from '../progress/progress.sql';
import type { ActionPlanEntity, PlanStatus } from './plan.entity';

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

/** A row of `plans.action_plan` by its database names. */
export interface PlanRow {
  id: string;
  client_id: string;
  organization_id: string;
  status: PlanStatus;
  version: number;
  created_at: Date;
  created_by: string;
  updated_at: Date;
}

export function toPlanEntity(r: PlanRow): ActionPlanEntity {
  return {
    id: r.id,
    clientId: r.client_id,
    organizationId: r.organization_id,
    status: r.status,
    version: r.version,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
  };
}

const PLAN_COLUMNS = 'p.id, p.client_id, p.organization_id, p.status, p.version, p.created_at, p.created_by, p.updated_at';

/** Plans by id (the `plan` loader: references, a goal's plan, a change's plan). */
export const plansById = preparedRead<PlanRow, [readonly string[]]>(
  'plans.plans-by-id',
  `SELECT ${PLAN_COLUMNS} FROM plans.action_plan p WHERE p.id = ANY($1::uuid[])`,
);

/**
 * The counts of the ACTIVE plan's progress, as `progress.sql.ts` reads them;
 * zero for every other plan, whose counts are not read.
 */
export interface ClientPlanRow extends PlanRow {
  goals_total: number;
  goals_achieved: number;
  steps_total: number;
  steps_complete: number;
  overdue_steps: number;
}

/**
 * Clients' plans, newest first, each ACTIVE plan with its progress (the
 * caseload's `activePlan { progress }` in one statement), read by the one
 * progress rule (`PROGRESS_COLUMNS`) from the counts the database keeps.
 * `$2` is the request's date, against which steps are overdue.
 */
export const plansOfClientsWithActiveProgress = preparedRead<ClientPlanRow, [readonly string[], string]>(
  'plans.plans-by-client',
  `SELECT ${PLAN_COLUMNS}, ${PROGRESS_COLUMNS}
  FROM plans.action_plan p
  LEFT JOIN plans.plan_progress pp ON pp.plan_id = p.id AND p.status = 'ACTIVE'
 WHERE p.client_id = ANY($1::uuid[])
 ORDER BY p.created_at DESC, p.id DESC`,
);
