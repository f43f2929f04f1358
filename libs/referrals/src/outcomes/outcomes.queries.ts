/**
 * `referralOutcomes(period, groupBy)`: outcome figures of the referrals the
 * caller's agency sent in a period, for analysts and supervisors. A referral
 * counts in the month it was sent (UTC); `accepted` counts referrals that
 * were accepted at any point, `completed` those closed as COMPLETED. Grouping
 * by taxonomy term uses the terms copied from the directory when the
 * referral was created (a referral counts under each of its service's terms,
 * or under no term), so figures never ask another subgraph. Periods are whole
 * calendar months; a count is suppressed under 11 people and by
 * complementary suppression (see outcomes.rules.ts). One SQL statement; no
 * row leaves it, only group counts.
 */
import type { DataSource } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import type { AuditTrail } from '@caseflow/audit';
import { forbidden } from '@caseflow/core';
import { checkPeriod, type DateRangeInput } from '@caseflow/federation';
import { refTo } from '../referral/referral.mapper';
import { ALL_HIDDEN, type GroupKey, keyText, publish, suppression } from './outcomes.rules';
import type { ReferralGrouping, ReferralOutcomeCell } from './outcomes.type';

interface GroupRow {
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

/** The GROUPING() bits of the groups a grouping asks for. */
function totalsOf(groups: ReadonlySet<ReferralGrouping>): number {
  return (groups.has('MONTH') ? 0 : 4) + (groups.has('ORGANIZATION') ? 0 : 2) + (groups.has('TAXONOMY_TERM') ? 0 : 1);
}

function keyOf(row: GroupRow): GroupKey {
  return {
    month: row.totals & 4 ? undefined : (row.month ?? ''),
    organization: row.totals & 2 ? undefined : (row.organization_id ?? ''),
    taxonomyTerm: row.totals & 1 ? undefined : (row.taxonomy_term_id ?? ''),
  };
}

export class OutcomesQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async cells(
    actor: Actor,
    period: DateRangeInput,
    groupBy: readonly ReferralGrouping[] | null | undefined,
  ): Promise<ReferralOutcomeCell[]> {
    const { from, to } = checkPeriod(period);
    const groups = new Set(groupBy ?? []);
    const detail = `groupBy: ${[...groups].join(',') || 'none'}`;
    if (actor.role !== 'ANALYST' && actor.role !== 'SUPERVISOR') {
      this.audit.note({ action: 'SEARCH', entityType: 'ReferralOutcome', outcome: 'DENIED', detail: `${detail}; role ${actor.role}` });
      throw forbidden('Only analysts and supervisors read referral outcome figures');
    }
    const asked = totalsOf(groups);
    // Every group of the table (CUBE), whatever was asked, for complementary suppression; referral
    // counts are distinct ids, since a referral appears once per taxonomy term of its service. The
    // median is worked out for the asked groups only, over each referral once per group.
    const rows: GroupRow[] = await this.dataSource.query(
      `WITH referral AS (
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
         LEFT JOIN response s ON f.totals = $7 AND s.month IS NOT DISTINCT FROM f.month
              AND s.organization_id IS NOT DISTINCT FROM f.organization_id AND s.taxonomy_term_id IS NOT DISTINCT FROM f.taxonomy_term_id
        ORDER BY f.totals, f.month NULLS FIRST, f.organization_id NULLS FIRST, f.taxonomy_term_id NULLS FIRST`,
      [actor.organizationId, from, to, groups.has('MONTH'), groups.has('ORGANIZATION'), groups.has('TAXONOMY_TERM'), asked],
    );
    this.audit.note({ action: 'SEARCH', entityType: 'ReferralOutcome', detail });
    const hidden = suppression(
      rows.map((row) => ({
        key: keyOf(row),
        sentPeople: row.sent_people,
        acceptedPeople: row.accepted_people,
        completedPeople: row.completed_people,
      })),
    );
    return rows
      .filter((row) => row.totals === asked && row.sent > 0)
      .map((row) => ({
        month: row.month,
        organization: refTo(row.organization_id),
        taxonomyTerm: refTo(row.taxonomy_term_id),
        ...publish(
          {
            sent: row.sent,
            accepted: row.accepted,
            completed: row.completed,
            respondedPeople: row.responded_people,
            medianDays: row.median_days === null ? null : Number(row.median_days),
          },
          hidden.get(keyText(keyOf(row))) ?? ALL_HIDDEN,
        ),
      }));
  }
}
