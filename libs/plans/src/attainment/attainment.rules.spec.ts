import { tableLines } from '../testing/attainment-lines';
import { type AttainmentRow, attainmentCells } from './attainment.rules';

/** Rows as the SQL gives them: each month and term, with totals over terms, months and both, the people behind each. */
function cube(cells: Array<Omit<AttainmentRow, 'setPeople' | 'achievedPeople'> & { people: number; achievers: number }>): AttainmentRow[] {
  const rows: AttainmentRow[] = cells.map(({ people, achievers, ...c }) => ({ ...c, setPeople: people, achievedPeople: achievers }));
  const total = (match: (r: AttainmentRow) => boolean, term: AttainmentRow['term'], month: AttainmentRow['month']) => {
    const parts = rows.filter((r) => r.term !== null && r.month !== null && match(r));
    const add = (f: (r: AttainmentRow) => number) => parts.reduce((n, r) => n + f(r), 0);
    return {
      term,
      month,
      goalsSet: add((r) => r.goalsSet),
      goalsAchieved: add((r) => r.goalsAchieved),
      setPeople: add((r) => r.setPeople),
      achievedPeople: add((r) => r.achievedPeople),
    };
  };
  const months = [...new Set(rows.map((r) => r.month))];
  const terms = [...new Set(rows.map((r) => r.term))];
  return [
    ...rows,
    ...months.map((m) => total((r) => r.month === m, null, m)),
    ...terms.map((t) => total((r) => r.term === t, t, null)),
    total(() => true, null, null),
  ];
}

// Months of 2019: the rule reads no clock, so any past months do. One month: LONG is 12 goals of only 3 people.
const october = cube([
  { term: 'SHORT', month: '2019-10', goalsSet: 30, goalsAchieved: 14, people: 14, achievers: 12 },
  { term: 'MID', month: '2019-10', goalsSet: 25, goalsAchieved: 11, people: 20, achievers: 11 },
  { term: 'LONG', month: '2019-10', goalsSet: 12, goalsAchieved: 0, people: 3, achievers: 0 },
]);
// Two months, for the rule's properties.
const autumn = cube([
  { term: 'SHORT', month: '2019-10', goalsSet: 30, goalsAchieved: 14, people: 14, achievers: 12 },
  { term: 'MID', month: '2019-10', goalsSet: 25, goalsAchieved: 11, people: 20, achievers: 11 },
  { term: 'LONG', month: '2019-10', goalsSet: 12, goalsAchieved: 0, people: 3, achievers: 0 },
  { term: 'SHORT', month: '2019-11', goalsSet: 40, goalsAchieved: 22, people: 30, achievers: 15 },
  { term: 'MID', month: '2019-11', goalsSet: 16, goalsAchieved: 3, people: 12, achievers: 3 },
  { term: 'LONG', month: '2019-11', goalsSet: 2, goalsAchieved: 0, people: 2, achievers: 0 },
]);
const shown = (count: number) => ({ count, suppressed: false });
const hidden = { count: null, suppressed: true };
const both = new Set(['TERM', 'MONTH'] as const);

describe('attainmentCells', () => {
  it('counts goals but suppresses by people: 12 goals of 3 people are suppressed, and so is the smallest other term beside them', () => {
    expect(attainmentCells(october, '2019-10-01', '2019-10-31', both)).toEqual([
      { month: '2019-10', term: 'SHORT', goalsSet: hidden, goalsAchieved: shown(14) },
      { month: '2019-10', term: 'MID', goalsSet: shown(25), goalsAchieved: hidden },
      { month: '2019-10', term: 'LONG', goalsSet: hidden, goalsAchieved: hidden },
    ]);
  });

  it('suppresses a figure alike in every grouping of the same period', () => {
    // With one month, a term's total is its October cell: it is hidden with it.
    expect(attainmentCells(october, '2019-10-01', '2019-10-31', new Set(['TERM'] as const))).toEqual([
      { month: null, term: 'SHORT', goalsSet: hidden, goalsAchieved: shown(14) },
      { month: null, term: 'MID', goalsSet: shown(25), goalsAchieved: hidden },
      { month: null, term: 'LONG', goalsSet: hidden, goalsAchieved: hidden },
    ]);
    expect(attainmentCells(october, '2019-10-01', '2019-10-31', new Set(['MONTH'] as const))).toEqual([
      { month: '2019-10', term: null, goalsSet: shown(67), goalsAchieved: shown(25) },
    ]);
    expect(attainmentCells(october, '2019-10-01', '2019-10-31', new Set())).toEqual([
      { month: null, term: null, goalsSet: shown(67), goalsAchieved: shown(25) },
    ]);
  });

  it('leaves no month, term or total line with a single suppressed figure', () => {
    const at = (grouping: ReadonlySet<'TERM' | 'MONTH'>) => attainmentCells(autumn, '2019-10-01', '2019-11-30', grouping);
    const cells = at(both);
    const byMonth = at(new Set(['MONTH'] as const));
    const byTerm = at(new Set(['TERM'] as const));
    const [total] = at(new Set());
    for (const measure of ['goalsSet', 'goalsAchieved'] as const) {
      for (const line of tableLines(cells, byMonth, byTerm, total))
        expect([0, 2, 3, 4]).toContain(line.filter((c) => c[measure].suppressed).length);
    }
    expect(cells.filter((c) => c.goalsSet.suppressed).length).toBeGreaterThanOrEqual(2);
  });

  it('gives every month of the period, an empty one suppressed, and decides each month alike whatever the period', () => {
    const cells = attainmentCells(autumn, '2019-10-01', '2019-12-31', new Set(['MONTH'] as const));
    expect(cells.map((c) => [c.month, c.goalsSet.count])).toEqual([
      ['2019-10', 67],
      ['2019-11', 58],
      ['2019-12', null],
    ]);
    expect(attainmentCells(autumn, '2019-10-01', '2019-10-31', both)).toEqual(
      attainmentCells(autumn, '2019-10-01', '2019-12-31', both).filter((c) => c.month === '2019-10'),
    );
  });

  it('hides a term over the period when one of its months is hidden, so that a shorter period cannot be subtracted', () => {
    // LONG: October 3 people, November 2. SHORT and MID each have a month hidden beside a LONG.
    expect(attainmentCells(autumn, '2019-10-01', '2019-11-30', new Set(['TERM'] as const)).map((c) => [c.term, c.goalsSet.count])).toEqual([
      ['SHORT', null],
      ['MID', null],
      ['LONG', null],
    ]);
    // The period's total is shown: both months' totals are.
    expect(attainmentCells(autumn, '2019-10-01', '2019-11-30', new Set()).map((c) => c.goalsSet)).toEqual([shown(125)]);
  });
});
