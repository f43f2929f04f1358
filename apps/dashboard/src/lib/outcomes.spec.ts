import {
  attainmentCsv,
  attainmentRows,
  closureCsv,
  closureMatrix,
  completionCsv,
  completionRows,
  countText,
  defaultMonths,
  defaultPeriod,
  distanceCsv,
  distanceRows,
  DISTANCE_HEADER,
  monthsOf,
  monthsProblem,
  periodOf,
} from './outcomes';
import { toCsv } from './csv';

const shown = (count: number) => ({ count, suppressed: false });
const hidden = { count: null, suppressed: true };
const period = { from: '2018-01-01', to: '2018-03-31' };

describe('outcome figures', () => {
  it('covers every month of the period and defaults to the last twelve', () => {
    expect(monthsOf(period)).toEqual(['2018-01', '2018-02', '2018-03']);
    expect(monthsOf({ from: '2017-11-01', to: '2018-02-01' })).toEqual(['2017-11', '2017-12', '2018-01', '2018-02']);
    expect(defaultMonths(new Date(2018, 10, 23))).toEqual({ fromMonth: '2017-12', toMonth: '2018-11' });
    expect(defaultPeriod(new Date(2018, 10, 23))).toEqual({ from: '2017-12-01', to: '2018-11-30' });
  });

  it('asks only for whole calendar months', () => {
    expect(periodOf({ fromMonth: '2018-01', toMonth: '2018-03' })).toEqual({ from: '2018-01-01', to: '2018-03-31' });
    expect(periodOf({ fromMonth: '2019-02', toMonth: '2019-02' })).toEqual({ from: '2019-02-01', to: '2019-02-28' });
    expect(periodOf({ fromMonth: '2019-12', toMonth: '2020-02' })).toEqual({ from: '2019-12-01', to: '2020-02-29' });
    // Twelve months ending in any month of the year: the first day of the first, the last day of the last.
    for (let m = 0; m < 12; m += 1) {
      const p = defaultPeriod(new Date(2018, m, 15));
      expect(p.from.endsWith('-01')).toBe(true);
      expect(new Date(`${p.to}T12:00:00Z`).getUTCDate() === new Date(Date.UTC(2018, m + 1, 0)).getUTCDate()).toBe(true);
    }
  });

  it('checks a range of months before it is asked for', () => {
    expect(monthsProblem({ fromMonth: '2018-05', toMonth: '2018-04' })).toEqual({
      field: 'to',
      message: 'The last month must not be before the first.',
    });
    expect(monthsProblem({ fromMonth: '2018-05-01', toMonth: '2018-06' })).toEqual({
      field: 'from',
      message: 'Enter the first month of the period (YYYY-MM).',
    });
    expect(monthsProblem({ fromMonth: '2018-05', toMonth: '2018-13' })).toEqual({
      field: 'to',
      message: 'Enter the last month of the period (YYYY-MM).',
    });
    expect(monthsProblem({ fromMonth: '2008-01', toMonth: '2018-01' })).toEqual({
      field: 'from',
      message: 'Choose a period of at most ten years.',
    });
    expect(monthsProblem({ fromMonth: '2008-02', toMonth: '2018-01' })).toBeNull();
  });

  it('keeps suppressed counts suppressed in the completion table and its CSV', () => {
    const rows = completionRows(
      [
        { month: '2018-01', sent: shown(12), accepted: shown(11), completed: shown(11), completionRate: 0.9167, medianDaysToResponse: 3.3 },
        { month: '2018-03', sent: hidden, accepted: hidden, completed: hidden, completionRate: null, medianDaysToResponse: null },
      ],
      period,
    );
    expect(rows.map((r) => r.month)).toEqual(['2018-01', '2018-02', '2018-03']);
    expect(rows[1].cell).toBeNull();
    expect(countText(rows[2].cell?.sent)).toBe('suppressed');
    expect(completionCsv(rows)).toEqual([
      ['2018-01', 12, 11, 11, 0.9167, 3.3],
      ['2018-02', 0, 0, 0, '', ''],
      ['2018-03', 'suppressed', 'suppressed', 'suppressed', 'suppressed', ''],
    ]);
  });

  it('gives an attainment rate only when both counts are shown', () => {
    const rows = attainmentRows([
      { term: 'SHORT', goalsSet: shown(58), goalsAchieved: shown(29) },
      { term: 'LONG', goalsSet: shown(15), goalsAchieved: hidden },
    ]);
    expect(rows.map((r) => [r.term, r.rate])).toEqual([
      ['SHORT', 0.5],
      ['MID', null],
      ['LONG', null],
    ]);
    expect(attainmentCsv(rows)).toEqual([
      ['SHORT', 58, 29, 0.5],
      ['MID', 0, 0, ''],
      ['LONG', 15, 'suppressed', 'suppressed'],
    ]);
  });

  it('lays closures out as outcome × month, suppressed cells included, and writes that as CSV', () => {
    const matrix = closureMatrix(
      [
        { outcome: 'EMPLOYED', program: 'ESP', month: '2018-02', closed: shown(19) },
        { outcome: 'EMPLOYED', program: 'ESP', month: '2018-01', closed: hidden },
        { outcome: 'DISENGAGED', program: 'ESP', month: '2018-03', closed: hidden },
      ],
      period,
    );
    expect(matrix.rows.map((r) => r.label)).toEqual(['Disengaged', 'Employed']);
    const csv = closureCsv(matrix);
    expect(toCsv(csv.header, csv.rows)).toBe(
      'outcome,program,2018-01,2018-02,2018-03\r\nDISENGAGED,ESP,0,0,suppressed\r\nEMPLOYED,ESP,suppressed,19,0\r\n',
    );
  });
});

describe('distance travelled by domain', () => {
  const cells = [
    { domain: 'EMPLOYABILITY' as const, clients: shown(40), barrierToAsset: shown(12), assetToBarrier: hidden },
    { domain: 'CERTIFICATES_LICENSES' as const, clients: shown(25), barrierToAsset: hidden, assetToBarrier: hidden },
    { domain: 'PERSONAL_HEALTH' as const, clients: hidden, barrierToAsset: hidden, assetToBarrier: hidden },
    { domain: 'ATTITUDES' as const, clients: shown(0), barrierToAsset: shown(0), assetToBarrier: shown(0) },
  ];

  it('orders domains as the checklist does and works out a rate only from shown counts', () => {
    const rows = distanceRows(cells);
    expect(rows.map((r) => r.domain)).toEqual(['CERTIFICATES_LICENSES', 'PERSONAL_HEALTH', 'ATTITUDES', 'EMPLOYABILITY']);
    expect(rows.map((r) => r.resolvedRate)).toEqual([null, null, null, 0.3]);
  });

  it('writes suppressed cells as "suppressed" in the CSV, never 0', () => {
    const csv = distanceCsv(distanceRows(cells));
    expect(csv).toEqual([
      ['CERTIFICATES_LICENSES', 25, 'suppressed', 'suppressed', 'suppressed'],
      ['PERSONAL_HEALTH', 'suppressed', 'suppressed', 'suppressed', 'suppressed'],
      ['ATTITUDES', 0, 0, 0, ''],
      ['EMPLOYABILITY', 40, 12, 'suppressed', 0.3],
    ]);
    expect(toCsv(DISTANCE_HEADER, csv).split('\r\n')[0]).toBe('domain,clients,barrier_to_asset,asset_to_barrier,barrier_to_asset_rate');
  });
});
