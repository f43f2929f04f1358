import type { AssessmentDomain } from '../assessment/assessment.entity';
import type { SqlRunner } from '../shared/sql';

export interface DistanceTravelledCountRow {
  domain: AssessmentDomain;
  /** People whose first and latest assessments in the period both rate the domain (ASSET or BARRIER). */
  clients: number;
  /** Of them, people with at least one characteristic of the domain from BARRIER to ASSET. */
  barrierToAsset: number;
  /** Of them, people with at least one characteristic of the domain from ASSET to BARRIER. */
  assetToBarrier: number;
}

export interface DistanceTravelledCountParams {
  organizationId: string;
  /** The first and last days of the period (whole months: checkPeriod), UTC as the other outcome figures. */
  from: string;
  to: string;
}

/*
 * The organization's clients with at least two assessments in the period
 * (found by needs_assessment_period_idx, then their client's organization),
 * their first and latest assessment there (by assessed_at, then id, as
 * Client.distanceTravelled orders them), the ASSET and BARRIER ratings of
 * those two (assessment_item_assessment_idx), and per domain the people both
 * assessments rate it for, and of them those with a characteristic (matched
 * case-insensitively) that moved each way.
 */
const DISTANCE_TRAVELLED_COUNTS_SQL = `WITH in_period AS (
         SELECT a.id, a.client_id, a.assessed_at
           FROM clients.needs_assessment a JOIN clients.client c ON c.id = a.client_id
          WHERE a.assessed_at >= $2::date AND a.assessed_at < ($3::date + 1) AND c.organization_id = $1
       ), ends AS (
         SELECT client_id,
                (array_agg(id ORDER BY assessed_at, id))[1] AS first_id,
                (array_agg(id ORDER BY assessed_at DESC, id DESC))[1] AS latest_id
           FROM in_period GROUP BY client_id HAVING count(*) >= 2
       ), rated AS (
         SELECT e.client_id, i.domain, lower(btrim(i.characteristic)) AS characteristic, i.rating, i.assessment_id = e.latest_id AS latest
           FROM ends e JOIN clients.assessment_item i ON i.assessment_id = ANY (ARRAY[e.first_id, e.latest_id])
          WHERE i.rating IN ('ASSET', 'BARRIER')
       ), people AS (
         SELECT client_id, domain FROM rated GROUP BY client_id, domain HAVING bool_or(latest) AND bool_or(NOT latest)
       ), moved AS (
         SELECT f.client_id, f.domain,
                bool_or(f.rating = 'BARRIER' AND l.rating = 'ASSET') AS to_asset,
                bool_or(f.rating = 'ASSET' AND l.rating = 'BARRIER') AS to_barrier
           FROM rated f JOIN rated l ON l.client_id = f.client_id AND l.domain = f.domain AND l.characteristic = f.characteristic
          WHERE NOT f.latest AND l.latest
          GROUP BY f.client_id, f.domain
       )
SELECT p.domain, count(*)::int AS clients,
       (count(*) FILTER (WHERE m.to_asset))::int AS "barrierToAsset",
       (count(*) FILTER (WHERE m.to_barrier))::int AS "assetToBarrier"
  FROM people p LEFT JOIN moved m ON m.client_id = p.client_id AND m.domain = p.domain
 GROUP BY p.domain ORDER BY p.domain`;

/** Per domain (those with anyone in them), the organization's people whose first and latest assessments in the period both rate it, and how many moved each way. */
export const distanceTravelledCounts = (db: SqlRunner, p: DistanceTravelledCountParams) =>
  db.query<DistanceTravelledCountRow[]>(DISTANCE_TRAVELLED_COUNTS_SQL, [p.organizationId, p.from, p.to]);
