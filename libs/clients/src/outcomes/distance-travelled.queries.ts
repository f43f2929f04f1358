/**
 * Distance travelled for funders: per domain, the caller's organization's
 * clients whose first and latest assessments in a period of whole calendar
 * months both rate the domain, and how many of them moved from barrier to
 * asset and from asset to barrier. Analysts and supervisors only; cells
 * under 11 people suppressed, with complementary suppression
 * (distance-travelled.rules.ts). No figure identifies a person.
 */
import type { Actor } from '@caseflow/auth';
import { forbidden } from '@caseflow/core';
import { type DateRangeInput, checkPeriod } from '@caseflow/federation';
import { distanceTravelledCells } from './distance-travelled.rules';
import { distanceTravelledCounts } from './distance-travelled.sql';
import type { DistanceTravelledCell } from './distance-travelled.type';
import type { ClientsDeps } from '../deps';

export class DistanceTravelledOutcomeQueries {
  constructor(private readonly deps: ClientsDeps) {}

  async perDomain(actor: Actor, period: DateRangeInput): Promise<DistanceTravelledCell[]> {
    if (actor.role !== 'ANALYST' && actor.role !== 'SUPERVISOR') {
      this.deps.audit.note({ action: 'SEARCH', entityType: 'DistanceTravelled', outcome: 'DENIED', detail: `role ${actor.role}` });
      throw forbidden('Only analysts and supervisors read outcome figures');
    }
    const { from, to } = checkPeriod(period);
    const rows = await distanceTravelledCounts(this.deps.dataSource, { organizationId: actor.organizationId, from, to });
    this.deps.audit.note({ action: 'SEARCH', entityType: 'DistanceTravelled', detail: `period ${from}..${to}` });
    return distanceTravelledCells(rows);
  }
}
