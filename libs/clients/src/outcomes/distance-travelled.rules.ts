/**
 * The analysts' distance travelled per domain, as published. Pure.
 *
 * A cell is one domain over the whole period: it is not a sum of months (a
 * client's comparison pairs their first and latest assessment in the
 * period, which belong to no single month), so there are no month figures to
 * decide alike in every period. The figures are handed to
 * `suppressOverMonths` as period figures (no month key), which makes its
 * rule for them the whole rule: a count of fewer than 11 people (zero
 * included) is suppressed, and each figure's line — the same figure
 * (clients, barrierToAsset or assetToBarrier) over every domain — never
 * keeps a single suppressed cell: the smallest other cell of that line
 * (fewest people; on a tie, the first domain in checklist order) is
 * suppressed too. Every domain is answered, in checklist order, even when no
 * one is in it (suppressed).
 */
import { type Figure, type OutcomeCount, suppressOverMonths } from '@caseflow/federation';
import { ASSESSMENT_DOMAINS, type AssessmentDomain } from '../assessment/assessment.entity';
import type { DistanceTravelledCountRow } from './distance-travelled.sql';
import type { DistanceTravelledCell } from './distance-travelled.type';

type Dimension = 'domain' | 'month';
const MEASURES = ['clients', 'barrierToAsset', 'assetToBarrier'] as const;
type Measure = (typeof MEASURES)[number];

const count = (n: number, hidden: boolean): OutcomeCount => (hidden ? { count: null, suppressed: true } : { count: n, suppressed: false });

export function distanceTravelledCells(rows: readonly DistanceTravelledCountRow[]): DistanceTravelledCell[] {
  const byDomain = new Map(rows.map((r) => [r.domain, r]));
  const domains: readonly AssessmentDomain[] = ASSESSMENT_DOMAINS;
  const people = (domain: AssessmentDomain, measure: Measure) => byDomain.get(domain)?.[measure] ?? 0;
  const hidden = Object.fromEntries(
    MEASURES.map((measure) => [
      measure,
      suppressOverMonths<Dimension>(
        domains.map((domain): Figure<Dimension> => ({ key: { domain }, people: people(domain, measure) })),
        ['domain', 'month'],
        'month',
      ),
    ]),
  ) as Record<Measure, boolean[]>;
  return domains.map((domain, i) => ({
    domain,
    clients: count(people(domain, 'clients'), hidden.clients[i]),
    barrierToAsset: count(people(domain, 'barrierToAsset'), hidden.barrierToAsset[i]),
    assetToBarrier: count(people(domain, 'assetToBarrier'), hidden.assetToBarrier[i]),
  }));
}
