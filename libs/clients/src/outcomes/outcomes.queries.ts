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
import type { Actor } from '@caseflow/auth';
import { forbidden } from '@caseflow/core';
import { type DateRangeInput, checkPeriod, suppressOverMonths } from '@caseflow/federation';
import { closureCounts } from './outcomes.sql';
import type { CaseOutcomeCell } from './outcomes.type';
import type { ClientsDeps } from '../deps';

export class CaseOutcomeQueries {
  constructor(private readonly deps: ClientsDeps) {}

  async closures(actor: Actor, period: DateRangeInput): Promise<CaseOutcomeCell[]> {
    if (actor.role !== 'ANALYST' && actor.role !== 'SUPERVISOR') {
      this.deps.audit.note({ action: 'SEARCH', entityType: 'CaseOutcome', outcome: 'DENIED', detail: `role ${actor.role}` });
      throw forbidden('Only analysts and supervisors read outcome figures');
    }
    const { from, to } = checkPeriod(period);
    const rows = await closureCounts(this.deps.dataSource, { organizationId: actor.organizationId, from, to });
    this.deps.audit.note({ action: 'SEARCH', entityType: 'CaseOutcome', detail: `period ${from}..${to}` });
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
}
