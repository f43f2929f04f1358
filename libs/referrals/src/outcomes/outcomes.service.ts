/**
 * `referralOutcomes(period, groupBy)`: outcome figures of the referrals the
 * caller's agency sent in a period, for analysts and supervisors. A referral
 * counts in the month it was sent (UTC); `accepted` counts referrals that
 * were accepted at any point, `completed` those closed as COMPLETED. Grouping
 * by taxonomy term uses the terms copied from the directory when the
 * referral was created (a referral counts under each of its service's terms,
 * or under no term), so figures never ask another subgraph. One SQL
 * statement; no row leaves it, only group counts.
 */
import type { DataSource } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import type { AuditTrail } from '@caseflow/audit';
import { forbidden } from '@caseflow/core';
import { checkPeriod, type DateRangeInput } from '@caseflow/federation';
import type { ReferralGrouping } from '../referral/referral.enums';
import { refTo } from '../shared/entity-refs';
import { publish } from './outcome.figures';
import type { ReferralOutcomeCell } from './referral-outcome-cell.type';

interface GroupRow {
  month: string | null;
  organization_id: string | null;
  taxonomy_term_id: string | null;
  sent: number;
  sent_people: number;
  accepted: number;
  accepted_people: number;
  completed: number;
  completed_people: number;
  responded_people: number;
  median_days: number | null;
}

export class OutcomesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async cells(actor: Actor, period: DateRangeInput, groupBy: readonly ReferralGrouping[] | null | undefined): Promise<ReferralOutcomeCell[]> {
    const { from, to } = checkPeriod(period);
    const groups = new Set(groupBy ?? []);
    const detail = `groupBy: ${[...groups].join(',') || 'none'}`;
    if (actor.role !== 'ANALYST' && actor.role !== 'SUPERVISOR') {
      this.audit.note({ action: 'SEARCH', entityType: 'ReferralOutcome', outcome: 'DENIED', detail: `${detail}; role ${actor.role}` });
      throw forbidden('Only analysts and supervisors read referral outcome figures');
    }
    const rows: GroupRow[] = await this.dataSource.query(
      `SELECT CASE WHEN $4::boolean THEN to_char(r.sent_at AT TIME ZONE 'UTC', 'YYYY-MM') END AS month,
              CASE WHEN $5::boolean THEN r.organization_id END AS organization_id,
              t.term_id AS taxonomy_term_id,
              count(*)::int AS sent,
              count(DISTINCT r.client_id)::int AS sent_people,
              count(*) FILTER (WHERE r.accepted_at IS NOT NULL)::int AS accepted,
              count(DISTINCT r.client_id) FILTER (WHERE r.accepted_at IS NOT NULL)::int AS accepted_people,
              count(*) FILTER (WHERE r.status = 'COMPLETED')::int AS completed,
              count(DISTINCT r.client_id) FILTER (WHERE r.status = 'COMPLETED')::int AS completed_people,
              count(DISTINCT r.client_id) FILTER (WHERE r.first_response_at IS NOT NULL)::int AS responded_people,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.first_response_at - r.sent_at) / 86400)
                FILTER (WHERE r.first_response_at IS NOT NULL) AS median_days
         FROM referrals.referral r
         LEFT JOIN LATERAL unnest(r.service_taxonomy_term_ids) AS t(term_id) ON $6::boolean
        WHERE r.client_organization_id = $1
          AND r.sent_at >= ($2::date)::timestamp AT TIME ZONE 'UTC'
          AND r.sent_at < ($3::date + 1)::timestamp AT TIME ZONE 'UTC'
        GROUP BY 1, 2, 3
        ORDER BY 1 NULLS FIRST, 2 NULLS FIRST, 3 NULLS FIRST`,
      [actor.organizationId, from, to, groups.has('MONTH'), groups.has('ORGANIZATION'), groups.has('TAXONOMY_TERM')],
    );
    this.audit.note({ action: 'SEARCH', entityType: 'ReferralOutcome', detail });
    return rows.map((row) => ({
      month: row.month,
      organization: refTo(row.organization_id),
      taxonomyTerm: refTo(row.taxonomy_term_id),
      ...publish({
        sent: row.sent,
        sentPeople: row.sent_people,
        accepted: row.accepted,
        acceptedPeople: row.accepted_people,
        completed: row.completed,
        completedPeople: row.completed_people,
        respondedPeople: row.responded_people,
        medianDays: row.median_days === null ? null : Number(row.median_days),
      }),
    }));
  }
}
