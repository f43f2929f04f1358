import { attainmentCells, monthsOf } from './attainment.cells';

const rows = [
  { term: 'SHORT' as const, month: '2026-10', goalsSet: 14, goalsAchieved: 11 },
  { term: 'MID' as const, month: '2026-10', goalsSet: 9, goalsAchieved: 2 },
  { term: 'SHORT' as const, month: '2026-11', goalsSet: 3, goalsAchieved: 0 },
];
const shown = (count: number) => ({ count, suppressed: false });
const hidden = { count: null, suppressed: true };

describe('monthsOf', () => {
  it('lists every month the period touches, across a year end', () => {
    expect(monthsOf('2026-11-30', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsOf('2026-11-01', '2026-11-30')).toEqual(['2026-11']);
  });
});

describe('attainmentCells', () => {
  it('gives every month and term, suppressing counts under 11 (zero included)', () => {
    const cells = attainmentCells(rows, '2026-10-01', '2026-11-30', new Set(['TERM', 'MONTH'] as const));
    expect(cells).toEqual([
      { month: '2026-10', term: 'SHORT', goalsSet: shown(14), goalsAchieved: shown(11) },
      { month: '2026-10', term: 'MID', goalsSet: hidden, goalsAchieved: hidden },
      { month: '2026-10', term: 'LONG', goalsSet: hidden, goalsAchieved: hidden },
      { month: '2026-11', term: 'SHORT', goalsSet: hidden, goalsAchieved: hidden },
      { month: '2026-11', term: 'MID', goalsSet: hidden, goalsAchieved: hidden },
      { month: '2026-11', term: 'LONG', goalsSet: hidden, goalsAchieved: hidden },
    ]);
  });

  it('adds up over the dimensions not grouped by', () => {
    expect(attainmentCells(rows, '2026-10-01', '2026-11-30', new Set(['MONTH'] as const))).toEqual([
      { month: '2026-10', term: null, goalsSet: shown(23), goalsAchieved: shown(13) },
      { month: '2026-11', term: null, goalsSet: hidden, goalsAchieved: hidden },
    ]);
    expect(attainmentCells(rows, '2026-10-01', '2026-11-30', new Set(['TERM'] as const)).map((c) => [c.term, c.goalsSet.count])).toEqual([
      ['SHORT', 17],
      ['MID', null],
      ['LONG', null],
    ]);
    expect(attainmentCells(rows, '2026-10-01', '2026-11-30', new Set())).toEqual([{ month: null, term: null, goalsSet: shown(26), goalsAchieved: shown(13) }]);
  });
});
