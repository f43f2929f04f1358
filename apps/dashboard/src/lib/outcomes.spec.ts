import { attainmentCsv, attainmentRows, closureCsv, closureMatrix, completionCsv, completionRows, countText, defaultPeriod, monthsOf, periodProblem } from './outcomes';
import { toCsv } from './csv';

const shown = (count: number) => ({ count, suppressed: false });
const hidden = { count: null, suppressed: true };
const period = { from: '2026-01-15', to: '2026-03-31' };

describe('outcome figures', () => {
  it('covers every month of the period and defaults to the last twelve', () => {
    expect(monthsOf(period)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(monthsOf({ from: '2025-11-01', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(defaultPeriod(new Date(2026, 10, 23))).toEqual({ from: '2025-12-01', to: '2026-11-23' });
    expect(periodProblem({ from: '2026-05-01', to: '2026-04-01' })).toEqual({ field: 'to', message: 'The end must not be before the start.' });
  });

  it('keeps suppressed counts suppressed in the completion table and its CSV', () => {
    const rows = completionRows(
      [
        { month: '2026-01', sent: shown(12), accepted: shown(11), completed: shown(11), completionRate: 0.9167, medianDaysToResponse: 3.3 },
        { month: '2026-03', sent: hidden, accepted: hidden, completed: hidden, completionRate: null, medianDaysToResponse: null },
      ],
      period,
    );
    expect(rows.map((r) => r.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(rows[1].cell).toBeNull();
    expect(countText(rows[2].cell?.sent)).toBe('suppressed');
    expect(completionCsv(rows)).toEqual([
      ['2026-01', 12, 11, 11, 0.9167, 3.3],
      ['2026-02', 0, 0, 0, '', ''],
      ['2026-03', 'suppressed', 'suppressed', 'suppressed', 'suppressed', ''],
    ]);
  });

  it('gives an attainment rate only when both counts are shown', () => {
    const rows = attainmentRows([
      { term: 'SHORT', goalsSet: shown(58), goalsAchieved: shown(29) },
      { term: 'LONG', goalsSet: shown(15), goalsAchieved: hidden },
    ]);
    expect(rows.map((r) => [r.term, r.rate])).toEqual([['SHORT', 0.5], ['MID', null], ['LONG', null]]);
    expect(attainmentCsv(rows)).toEqual([['SHORT', 58, 29, 0.5], ['MID', 0, 0, ''], ['LONG', 15, 'suppressed', 'suppressed']]);
  });

  it('lays closures out as outcome × month, suppressed cells included, and writes that as CSV', () => {
    const matrix = closureMatrix(
      [
        { outcome: 'EMPLOYED', program: 'ESP', month: '2026-02', closed: shown(19) },
        { outcome: 'EMPLOYED', program: 'ESP', month: '2026-01', closed: hidden },
        { outcome: 'DISENGAGED', program: 'ESP', month: '2026-03', closed: hidden },
      ],
      period,
    );
    expect(matrix.rows.map((r) => r.label)).toEqual(['Disengaged', 'Employed']);
    const csv = closureCsv(matrix);
    expect(toCsv(csv.header, csv.rows)).toBe('outcome,program,2026-01,2026-02,2026-03\r\nDISENGAGED,ESP,0,0,suppressed\r\nEMPLOYED,ESP,suppressed,19,0\r\n');
  });
});
