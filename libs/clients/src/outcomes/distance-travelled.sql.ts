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
 * (found by needs_assessment_period_idx for a period of months, then their
 * client's organization), their first and latest assessment there (by
 * assessed_at, then id, as
 * Client.distanceTravelled orders them), the ASSET and BARRIER ratings of
 * those two (assessment_item_assessment_idx), each characteristic (matched
 * case-insensitively) with its rating before and after, and per domain the
 * people both assessments rate it for, and of them those with a
 * characteristic that moved each way. Aggregates only, no join between the
 * steps' results: the plan does not hang on their row estimates.
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
       ), compared AS (
         SELECT client_id, first_id AS assessment_id, false AS latest FROM ends
         UNION ALL
         SELECT client_id, latest_id, true FROM ends
       ), rated AS (
         SELECT c.client_id, i.domain, lower(btrim(i.characteristic)) AS characteristic, i.rating, c.latest
           FROM compared c JOIN clients.assessment_item i ON i.assessment_id = c.assessment_id
          WHERE i.rating IN ('ASSET', 'BARRIER')
       ), characteristics AS (
         SELECT client_id, domain, characteristic,
                min(rating) FILTER (WHERE NOT latest) AS before, min(rating) FILTER (WHERE latest) AS after
           FROM rated GROUP BY client_id, domain, characteristic
       ), people AS (
         SELECT domain,
                bool_or(before = 'BARRIER' AND after = 'ASSET') AS to_asset,
                bool_or(before = 'ASSET' AND after = 'BARRIER') AS to_barrier
           FROM characteristics GROUP BY client_id, domain
         HAVING bool_or(before IS NOT NULL) AND bool_or(after IS NOT NULL)
       )
SELECT domain, count(*)::int AS clients,
       (count(*) FILTER (WHERE to_asset))::int AS "barrierToAsset",
       (count(*) FILTER (WHERE to_barrier))::int AS "assetToBarrier"
  FROM people
 GROUP BY domain ORDER BY domain`;

/** Per domain (those with anyone in them), the organization's people whose first and latest assessments in the period both rate it, and how many moved each way. */
export const distanceTravelledCounts = (db: SqlRunner, p: DistanceTravelledCountParams) =>
  db.query<DistanceTravelledCountRow[]>(DISTANCE_TRAVELLED_COUNTS_SQL, [p.organizationId, p.from, p.to]);
