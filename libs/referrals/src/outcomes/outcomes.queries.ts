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
import { type GroupRow, outcomeGroups } from './outcomes.sql';
import { ALL_HIDDEN, type GroupKey, keyText, publish, suppression } from './outcomes.rules';
import type { ReferralGrouping, ReferralOutcomeCell } from './outcomes.type';

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
    // Every group of the table, whatever was asked, for complementary suppression (see outcomes.sql.ts).
    const rows = await outcomeGroups(this.dataSource.manager, {
      agencyId: actor.organizationId,
      from,
      to,
      byMonth: groups.has('MONTH'),
      byOrganization: groups.has('ORGANIZATION'),
      byTaxonomyTerm: groups.has('TAXONOMY_TERM'),
      asked,
    });
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
