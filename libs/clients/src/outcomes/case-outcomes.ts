/**
 * Case closures for funders: closures per outcome, program and month in a
 * period of whole calendar months, for the caller's organization. Analysts
 * and supervisors only. A cell counts people; every cell under 11 people is
 * suppressed, and so is the smallest other cell of any outcome or program
 * line of a month that would otherwise hold a single suppressed cell
 * (complementary suppression: an agency's closures in a month are a total
 * often published elsewhere). A month's cells are decided within that month,
 * the same in every period. No figure identifies a person.
 */
import { Field, ObjectType } from 'type-graphql';
import type { DataSource } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import type { AuditTrail } from '@caseflow/audit';
import { forbidden } from '@caseflow/core';
import { type DateRangeInput, OutcomeCount, checkPeriod, suppressOverMonths } from '@caseflow/federation';
import { ClosureOutcomeEnum } from '../client/client-parts.type';
import type { ClosureOutcome } from '../history/case-event.entity';

@ObjectType('CaseOutcomeCell')
export class CaseOutcomeCell {
  @Field(() => ClosureOutcomeEnum)
  outcome: ClosureOutcome;

  @Field(() => String, { nullable: true })
  program: string | null;

  @Field(() => String, { nullable: true })
  month: string | null;

  @Field(() => OutcomeCount)
  closed: OutcomeCount;
}

export async function caseOutcomes(
  dataSource: DataSource,
  audit: AuditTrail,
  actor: Actor,
  period: DateRangeInput,
): Promise<CaseOutcomeCell[]> {
  if (actor.role !== 'ANALYST' && actor.role !== 'SUPERVISOR') {
    audit.note({ action: 'SEARCH', entityType: 'CaseOutcome', outcome: 'DENIED', detail: `role ${actor.role}` });
    throw forbidden('Only analysts and supervisors read outcome figures');
  }
  const { from, to } = checkPeriod(period);
  // Cells count people: a client closed twice with the same outcome in one month counts once.
  const rows = (await dataSource.query(
    `SELECT e.outcome, e.program, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(DISTINCT e.client_id)::int AS n
       FROM clients.case_event e JOIN clients.client c ON c.id = e.client_id
      WHERE e.kind = 'CLOSED' AND c.organization_id = $1
        AND e.at >= $2::date AND e.at < ($3::date + 1)
      GROUP BY 1, 2, 3 ORDER BY 3, 1, 2`,
    [actor.organizationId, from, to],
  )) as Array<{ outcome: ClosureOutcome; program: string | null; month: string; n: number }>;
  audit.note({ action: 'SEARCH', entityType: 'CaseOutcome', detail: `period ${from}..${to}` });
  const hidden = suppressOverMonths(
    rows.map((r) => ({ key: { outcome: r.outcome, program: r.program ?? '', month: r.month }, people: r.n })),
    ['outcome', 'program', 'month'],
    'month',
    { grandTotalKnown: true },
  );
  return rows.map((r, i) => ({
    outcome: r.outcome,
    program: r.program,
    month: r.month,
    closed: hidden[i] ? { count: null, suppressed: true } : { count: r.n, suppressed: false },
  }));
}
