/**
 * The one statement behind the referral outcome figures: every group of the
 * month × organization × taxonomy term table (a CUBE, whatever was asked, for
 * complementary suppression), with the median days to a first answer worked
 * out for the asked groups only. Referral counts are distinct ids, since a
 * referral appears once per taxonomy term of its service; only group counts
 * leave the database.
 */
import type { EntityManager } from 'typeorm';

export interface GroupRow {
  month: string | null;
  organization_id: string | null;
  taxonomy_term_id: string | null;
  /** GROUPING(month, organization, term): a bit set (4, 2, 1) for each dimension the row adds up over. */
  totals: number;
  sent: number;
  sent_people: number;
  accepted: number;
  accepted_people: number;
  completed: number;
  completed_people: number;
  responded_people: number;
  median_days: number | null;
}

export interface OutcomeParams {
  /** The referring agency: its referrals only. */
  agencyId: string;
  /** The period's first and last day (whole months, 'YYYY-MM-DD'). */
  from: string;
  to: string;
  byMonth: boolean;
  byOrganization: boolean;
  byTaxonomyTerm: boolean;
  /** The GROUPING() bits of the asked groups: the median is worked out for those only. */
  asked: number;
}

/**
 * Stands for "no value" in the join of the figures to their response times:
 * equality on non-null keys lets PostgreSQL hash the join (`IS NOT DISTINCT
 * FROM` made it a nested loop over every pair of groups, a second per
 * request at scale 100). Ids are random or name-based UUIDs, never the nil
 * UUID, and a month is never empty.
 */
const NO_ID = '00000000-0000-0000-0000-000000000000';

const OUTCOME_GROUPS_SQL = `WITH referral AS (
         SELECT r.id, r.client_id, to_char(r.sent_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, r.organization_id,
                r.service_taxonomy_term_ids AS term_ids, r.accepted_at IS NOT NULL AS accepted, r.status = 'COMPLETED' AS completed,
                extract(epoch FROM r.first_response_at - r.sent_at) / 86400 AS response_days
           FROM referrals.referral r
          WHERE r.client_organization_id = $1
            AND r.sent_at >= ($2::date)::timestamp AT TIME ZONE 'UTC'
            AND r.sent_at < ($3::date + 1)::timestamp AT TIME ZONE 'UTC'
       ), figure AS (
         SELECT month, organization_id, t.term_id AS taxonomy_term_id, GROUPING(month, organization_id, t.term_id) AS totals,
                count(DISTINCT id)::int AS sent, count(DISTINCT client_id)::int AS sent_people,
                count(DISTINCT id) FILTER (WHERE accepted)::int AS accepted, count(DISTINCT client_id) FILTER (WHERE accepted)::int AS accepted_people,
                count(DISTINCT id) FILTER (WHERE completed)::int AS completed, count(DISTINCT client_id) FILTER (WHERE completed)::int AS completed_people
           FROM referral LEFT JOIN LATERAL unnest(term_ids) AS t(term_id) ON true
          GROUP BY CUBE (month, organization_id, t.term_id)
       ), response AS (
         SELECT CASE WHEN $4::boolean THEN month END AS month, CASE WHEN $5::boolean THEN organization_id END AS organization_id,
                t.term_id AS taxonomy_term_id,
                count(DISTINCT client_id) FILTER (WHERE response_days IS NOT NULL)::int AS responded_people,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY response_days) FILTER (WHERE response_days IS NOT NULL) AS median_days
           FROM referral LEFT JOIN LATERAL unnest(term_ids) AS t(term_id) ON $6::boolean
          GROUP BY 1, 2, 3
       )
       SELECT f.*, coalesce(s.responded_people, 0) AS responded_people, s.median_days
         FROM figure f
         LEFT JOIN response s ON f.totals = $7
              AND coalesce(s.month, '') = coalesce(f.month, '')
              AND coalesce(s.organization_id, '${NO_ID}') = coalesce(f.organization_id, '${NO_ID}')
              AND coalesce(s.taxonomy_term_id, '${NO_ID}') = coalesce(f.taxonomy_term_id, '${NO_ID}')
        ORDER BY f.totals, f.month NULLS FIRST, f.organization_id NULLS FIRST, f.taxonomy_term_id NULLS FIRST`;

export function outcomeGroups(m: EntityManager, p: OutcomeParams): Promise<GroupRow[]> {
  return m.query<GroupRow[]>(OUTCOME_GROUPS_SQL, [p.agencyId, p.from, p.to, p.byMonth, p.byOrganization, p.byTaxonomyTerm, p.asked]);
}
