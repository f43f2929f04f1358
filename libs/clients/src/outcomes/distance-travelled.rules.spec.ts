import { ASSESSMENT_DOMAINS, type AssessmentDomain } from '../assessment/assessment.entity';
import { distanceTravelledCells } from './distance-travelled.rules';
import type { DistanceTravelledCountRow } from './distance-travelled.sql';

const row = (domain: AssessmentDomain, clients: number, barrierToAsset = 0, assetToBarrier = 0): DistanceTravelledCountRow => ({
  domain,
  clients,
  barrierToAsset,
  assetToBarrier,
});
const shown = (count: number) => ({ count, suppressed: false });
const HIDDEN = { count: null, suppressed: true };

describe("the analysts' distance travelled cells", () => {
  it('answers every domain in checklist order, an empty one suppressed', () => {
    const cells = distanceTravelledCells([]);
    expect(cells.map((c) => c.domain)).toEqual([...ASSESSMENT_DOMAINS]);
    expect(cells.every((c) => [c.clients, c.barrierToAsset, c.assetToBarrier].every((n) => n.suppressed && n.count === null))).toBe(true);
  });

  it('suppresses under 11 people and shows 11', () => {
    const cells = distanceTravelledCells([row('EMPLOYABILITY', 11, 11, 10), row('ATTITUDES', 10)]);
    const employability = cells.find((c) => c.domain === 'EMPLOYABILITY')!;
    expect(employability).toEqual({ domain: 'EMPLOYABILITY', clients: shown(11), barrierToAsset: shown(11), assetToBarrier: HIDDEN });
    expect(cells.find((c) => c.domain === 'ATTITUDES')!.clients).toEqual(HIDDEN);
  });

  it('hides the smallest other domain of a line with a single suppressed cell, the first in checklist order on a tie', () => {
    const everyDomain = ASSESSMENT_DOMAINS.map((d) => (d === 'OTHER' ? row(d, 4, 2, 1) : row(d, 30, 12, 14)));
    const cells = distanceTravelledCells(everyDomain);
    // OTHER is alone under 11 on each line; every other domain ties, so the first one, CERTIFICATES_LICENSES, goes with it.
    for (const figure of ['clients', 'barrierToAsset', 'assetToBarrier'] as const)
      expect(cells.filter((c) => c[figure].suppressed).map((c) => c.domain)).toEqual(['CERTIFICATES_LICENSES', 'OTHER']);
    expect(cells.find((c) => c.domain === 'PERSONAL_CIRCUMSTANCES')).toEqual({
      domain: 'PERSONAL_CIRCUMSTANCES',
      clients: shown(30),
      barrierToAsset: shown(12),
      assetToBarrier: shown(14),
    });
  });

  it('decides each figure on its own line: a small movement hides the next smallest movement, not a clients cell', () => {
    const rows = ASSESSMENT_DOMAINS.map((d, i) => row(d, 40, d === 'ATTITUDES' ? 3 : 20 + i, 15));
    const cells = distanceTravelledCells(rows);
    expect(cells.filter((c) => c.barrierToAsset.suppressed).map((c) => c.domain)).toEqual(['CERTIFICATES_LICENSES', 'ATTITUDES']);
    expect(cells.filter((c) => c.clients.suppressed || c.assetToBarrier.suppressed)).toEqual([]);
  });
});
