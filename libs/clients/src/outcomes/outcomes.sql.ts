import type { ClosureOutcome } from '../client/client.entity';
import type { SqlRunner } from '../shared/sql';

export interface ClosureCountRow {
  outcome: ClosureOutcome;
  program: string | null;
  /** YYYY-MM, UTC. */
  month: string;
  /** People, not closures: a client closed twice with the same outcome in one month counts once. */
  n: number;
}

export interface ClosureCountParams {
  organizationId: string;
  /** The first and last days of the period (whole months: checkPeriod). */
  from: string;
  to: string;
}

const CLOSURE_COUNTS_SQL = `SELECT e.outcome, e.program, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(DISTINCT e.client_id)::int AS n
       FROM clients.case_event e JOIN clients.client c ON c.id = e.client_id
      WHERE e.kind = 'CLOSED' AND c.organization_id = $1
        AND e.at >= $2::date AND e.at < ($3::date + 1)
      GROUP BY 1, 2, 3 ORDER BY 3, 1, 2`;

/** The organization's closures in the period per outcome, program and month, in that order of month, outcome, program. */
export const closureCounts = (db: SqlRunner, p: ClosureCountParams) =>
  db.query<ClosureCountRow[]>(CLOSURE_COUNTS_SQL, [p.organizationId, p.from, p.to]);
