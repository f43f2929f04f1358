import type { AppError } from '@caseflow/core';
import { checkPeriod, type Figure, isFirstOfMonth, isLastOfMonth, monthsOf, suppressFigures, suppressOverMonths } from './disclosure';

const field = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    const error = e as AppError;
    return [error.code, error.details.field];
  }
  return null;
};

describe('whole-month periods', () => {
  it('knows the first and last days of months, leap years included', () => {
    expect(['2026-01-01', '2026-01-02', '2026-12-01', 'not a date'].map(isFirstOfMonth)).toEqual([true, false, true, false]);
    expect(['2026-01-31', '2026-01-30', '2026-02-28', '2028-02-28', '2028-02-29', '2026-04-30', '2026-04-31'].map(isLastOfMonth)).toEqual([
      true,
      false,
      true,
      false,
      true,
      true,
      false,
    ]);
  });

  it('accepts whole months, one or many, across a year end', () => {
    expect(checkPeriod({ from: '2026-12-01', to: '2026-12-31' })).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(checkPeriod({ from: '2026-11-01', to: '2027-02-28' })).toEqual({ from: '2026-11-01', to: '2027-02-28' });
  });

  it('refuses a period that does not start on the first of a month or end on the last, naming the field', () => {
    expect(() => checkPeriod({ from: '2026-12-02', to: '2026-12-31' })).toThrow('period.from must be the first day of a month');
    expect(() => checkPeriod({ from: '2026-12-01', to: '2026-12-30' })).toThrow('period.to must be the last day of a month');
    expect(() => checkPeriod({ from: '2026-02-01', to: '2026-02-29' })).toThrow('period.to must be the last day of a month');
    expect(field(() => checkPeriod({ from: '2026-12-02', to: '2026-12-31' }))).toEqual(['BAD_USER_INPUT', 'period.from']);
    expect(field(() => checkPeriod({ from: '2026-12-01', to: '2026-12-30' }))).toEqual(['BAD_USER_INPUT', 'period.to']);
  });

  it('refuses a backwards period and one over ten years', () => {
    expect(() => checkPeriod({ from: '2026-12-01', to: '2026-01-31' })).toThrow('period.from must not be after period.to');
    expect(field(() => checkPeriod({ from: '2010-01-01', to: '2026-12-31' }))).toEqual(['BAD_USER_INPUT', 'period']);
  });

  it('lists the months of a period', () => {
    expect(monthsOf('2026-11-01', '2027-02-28')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsOf('2026-11-01', '2026-11-30')).toEqual(['2026-11']);
  });
});

type D = 'row' | 'col';
/** A table of rows × columns with a total per row, per column and overall. */
function table(cells: number[][], rowTotals?: number[], colTotals?: number[], grand?: number): Figure<D>[] {
  const figures: Figure<D>[] = [];
  cells.forEach((row, r) => row.forEach((people, c) => figures.push({ key: { row: `r${r}`, col: `c${c}` }, people })));
  rowTotals?.forEach((people, r) => figures.push({ key: { row: `r${r}` }, people }));
  colTotals?.forEach((people, c) => figures.push({ key: { col: `c${c}` }, people }));
  if (grand !== undefined) figures.push({ key: {}, people: grand });
  return figures;
}
/** The suppressed cells as a grid of 'x' (suppressed) and '.' (shown). */
function grid(cells: number[][], suppressed: boolean[]): string[] {
  const width = cells[0].length;
  return cells.map((_, r) =>
    suppressed
      .slice(r * width, (r + 1) * width)
      .map((s) => (s ? 'x' : '.'))
      .join(''),
  );
}
const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);
/** A table whose totals are the sums of its cells (every person in one cell). */
function summed(cells: number[][]) {
  const rows = cells.map(sum);
  const cols = cells[0].map((_, c) => sum(cells.map((r) => r[c])));
  return table(cells, rows, cols, sum(rows));
}

describe('complementary suppression', () => {
  it('suppresses every figure under 11 people, zero included, and nothing more when no line has a single suppressed entry', () => {
    expect(
      suppressFigures(
        summed([
          [20, 30],
          [40, 50],
        ]),
        ['row', 'col'],
      ),
    ).toEqual(Array(9).fill(false));
    const cells = [
      [5, 3, 40],
      [4, 2, 60],
    ];
    const suppressed = suppressFigures(summed(cells), ['row', 'col']);
    expect(grid(cells, suppressed)).toEqual(['xx.', 'xx.']);
    // Totals: rows 48 and 66 shown; columns 9 and 5 hidden (under 11), 100 shown; the grand total shown.
    expect(suppressed.slice(6)).toEqual([false, false, true, true, false, false]);
  });

  it('hides a second cell in a row with a single suppressed cell: the smallest of the others', () => {
    const cells = [[5, 40, 20, 30]];
    const suppressed = suppressFigures(table(cells, [95]), ['row', 'col']);
    expect(grid(cells, suppressed)).toEqual(['x.x.']);
    expect(suppressed.at(-1)).toBe(false);
  });

  it('hides a second cell in a column with a single suppressed cell', () => {
    const cells = [[50], [7], [12], [33]];
    expect(grid(cells, suppressFigures(table(cells, undefined, [102]), ['row', 'col']))).toEqual(['.', 'x', 'x', '.']);
  });

  it('when the grand total is known elsewhere, treats the whole table as one more line', () => {
    // Cells in different rows and columns: no row or column holds two, yet the total minus the shown cells gives the hidden one.
    const figures: Figure<D>[] = [
      { key: { row: 'r0', col: 'c0' }, people: 4 },
      { key: { row: 'r1', col: 'c1' }, people: 30 },
      { key: { row: 'r2', col: 'c2' }, people: 25 },
    ];
    expect(suppressFigures(figures, ['row', 'col'])).toEqual([true, false, false]);
    expect(suppressFigures(figures, ['row', 'col'], [], { grandTotalKnown: true })).toEqual([true, false, true]);
    // A table of one cell has nothing else to hide.
    expect(suppressFigures(figures.slice(0, 1), ['row', 'col'], [], { grandTotalKnown: true })).toEqual([true]);
  });

  it('on a tie, hides the cell given first', () => {
    const cells = [[4, 25, 25, 25]];
    expect(grid(cells, suppressFigures(table(cells, [79]), ['row', 'col']))).toEqual(['xx..']);
  });

  it('follows a suppression into the lines it crosses until every line and total holds', () => {
    // r0 has one small cell; hiding its smallest neighbour (c1) leaves c1's column with a single suppressed cell.
    const cells = [
      [3, 20, 40],
      [30, 15, 50],
      [35, 60, 45],
    ];
    const suppressed = suppressFigures(summed(cells), ['row', 'col']);
    expect(grid(cells, suppressed)).toEqual(['xx.', 'xx.', '...']);
    // No total is hidden, and no row or column (with its total) has exactly one suppressed entry.
    expect(suppressed.slice(9)).toEqual(Array(7).fill(false));
    const rows = grid(cells, suppressed).map((r) => [...r].filter((s) => s === 'x').length);
    const cols = [0, 1, 2].map((c) => grid(cells, suppressed).filter((r) => r[c] === 'x').length);
    expect([...rows, ...cols].every((n) => n === 0 || n >= 2)).toBe(true);
  });

  it('checks lines without a total too, as if a reader had the total from elsewhere', () => {
    const cells = [[6, 11, 90]];
    expect(grid(cells, suppressFigures(table(cells), ['row', 'col']))).toEqual(['xx.']);
  });

  it('hides a row total that equals its one cell once that cell is hidden', () => {
    const cells = [[8], [40]];
    const suppressed = suppressFigures(table(cells, [8, 40], [48], 48), ['row', 'col']);
    // The column (8 hidden, 40, total 48) hides 40; r1's total is then that same 40 and goes too.
    expect(suppressed).toEqual([true, true, true, true, false, false]);
  });

  it('hides a total only when no cell is left to hide', () => {
    // Distinct people: a person in both cells makes the total smaller than their sum, never smaller than a cell.
    const figures: Figure<'col'>[] = [
      { key: { col: 'a' }, people: 9 },
      { key: {}, people: 12 },
    ];
    expect(suppressFigures(figures, ['col'])).toEqual([true, true]);
  });

  it('treats a genuine "none" coordinate as a cell, not a total', () => {
    const figures: Figure<'term'>[] = [
      { key: { term: '' }, people: 4 },
      { key: { term: 't1' }, people: 30 },
      { key: { term: 't2' }, people: 20 },
      { key: {}, people: 54 },
    ];
    expect(suppressFigures(figures, ['term'])).toEqual([true, false, true, false]);
  });

  it('works on three dimensions, total by total', () => {
    const figures: Figure<'m' | 'o' | 't'>[] = [
      { key: { m: '1', o: 'a', t: 'x' }, people: 5 },
      { key: { m: '1', o: 'a', t: 'y' }, people: 30 },
      { key: { m: '1', o: 'b', t: 'x' }, people: 25 },
      { key: { m: '1', o: 'b', t: 'y' }, people: 22 },
    ];
    // (1,a,x) is alone in its t-line and its o-line: (1,a,y) and (1,b,x) go with it; then (1,b,y) completes the last two lines.
    expect(suppressFigures(figures, ['m', 'o', 't'])).toEqual([true, true, true, true]);
  });

  it('gives the same answer for the same figures every time', () => {
    const cells = [
      [2, 14, 14],
      [14, 2, 30],
      [14, 30, 2],
    ];
    const once = suppressFigures(summed(cells), ['row', 'col']);
    expect(suppressFigures(summed(cells), ['row', 'col'])).toEqual(once);
  });

  it('suppresses exactly what looking at every line on every pass does, on tables of every shape', () => {
    // The rule as the documentation states it, without the bookkeeping that lets the implementation skip unchanged lines.
    const everyLineEveryPass = (figures: Figure<string>[], dimensions: string[], alsoHidden: boolean[], grandTotalKnown: boolean) => {
      const suppressed = figures.map((f, i) => f.people < 11 || alsoHidden[i]);
      const place = (key: Figure<string>['key']) => JSON.stringify(dimensions.map((d) => key[d] ?? null));
      // Lines in the order their first cell comes in the table, as the implementation makes them.
      const lines = new Map<string, { cells: number[]; total: number | undefined }>();
      figures.forEach((f, i) => {
        for (const d of dimensions) {
          if (f.key[d] === undefined) continue;
          const total = place({ ...f.key, [d]: undefined });
          const line = lines.get(`${d}|${total}`) ?? { cells: [], total: figures.findIndex((g) => place(g.key) === total) };
          if (line.total === -1) line.total = undefined;
          line.cells.push(i);
          lines.set(`${d}|${total}`, line);
        }
      });
      const all = [...lines.values()];
      if (grandTotalKnown && figures.length > 1) all.push({ cells: figures.map((_, i) => i), total: undefined });
      for (let changed = true; changed;) {
        changed = false;
        for (const line of all) {
          const entries = line.total === undefined ? line.cells : [...line.cells, line.total];
          if (entries.filter((i) => suppressed[i]).length !== 1) continue;
          const open = line.cells.filter((i) => !suppressed[i]);
          const pick =
            open.reduce<number | undefined>(
              (best, i) => (best === undefined || figures[i].people < figures[best].people ? i : best),
              undefined,
            ) ?? line.total;
          if (pick === undefined || suppressed[pick]) continue;
          suppressed[pick] = true;
          changed = true;
        }
      }
      return suppressed;
    };
    let state = 7919;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return Math.floor(state / 2 ** 15) % n;
    };
    let tables = 0;
    let cascades = 0;
    for (let round = 0; round < 300; round += 1) {
      const [rows, cols, layers] = [1 + next(7), 1 + next(7), 1 + next(3)];
      const figures: Figure<string>[] = [];
      // Cells (some absent) and every total over any of the three dimensions, as a CUBE gives them.
      for (let a = -1; a < rows; a += 1)
        for (let b = -1; b < cols; b += 1)
          for (let c = -1; c < layers; c += 1) {
            if (next(5) === 0) continue;
            const key: Figure<string>['key'] = {};
            if (a >= 0) key.a = `a${a}`;
            if (b >= 0) key.b = `b${b}`;
            if (c >= 0) key.c = `c${c}`;
            figures.splice(next(figures.length + 1), 0, { key, people: next(4) === 0 ? next(11) : 11 + next(40) });
          }
      const alsoHidden = figures.map(() => next(12) === 0);
      const grandTotalKnown = next(2) === 0;
      const expected = everyLineEveryPass(figures, ['a', 'b', 'c'], alsoHidden, grandTotalKnown);
      expect(suppressFigures(figures, ['a', 'b', 'c'], alsoHidden, { grandTotalKnown })).toEqual(expected);
      tables += 1;
      // Complementary suppression reached beyond the primary in this table (so the comparison is not trivially equal).
      if (expected.some((hidden, i) => hidden && figures[i].people >= 11 && !alsoHidden[i])) cascades += 1;
    }
    expect(tables).toBe(300);
    expect(cascades).toBeGreaterThan(100);

    // Tables of twenty dimensions: more places than a number counts exactly, so places are text there.
    const twenty = Array.from({ length: 20 }, (_, k) => `d${k}`);
    let wide = 0;
    for (let round = 0; round < 40; round += 1) {
      const figures: Figure<string>[] = [];
      for (let base = 0; base < 3; base += 1) {
        const origin = Object.fromEntries(twenty.map((d) => [d, `v${next(9)}`]));
        for (const d of twenty) {
          if (next(3) === 0) continue;
          figures.push({ key: { ...origin, [d]: undefined }, people: 11 + next(40) });
          for (const value of ['x', 'y', 'z'])
            figures.push({ key: { ...origin, [d]: value }, people: next(3) === 0 ? next(11) : 11 + next(40) });
        }
      }
      const alsoHidden = figures.map(() => false);
      const expected = everyLineEveryPass(figures, twenty, alsoHidden, false);
      expect(suppressFigures(figures, twenty)).toEqual(expected);
      if (expected.some((hidden, i) => hidden && figures[i].people >= 11)) wide += 1;
    }
    expect(wide).toBeGreaterThan(10);
  });
});

describe('suppression over months', () => {
  type T = 'month' | 'term';
  /** A month × term table with its totals per month, per term and overall (people add up: one cell each). */
  function monthly(cells: Record<string, Record<string, number>>): Figure<T>[] {
    const figures: Figure<T>[] = [];
    const terms = [...new Set(Object.values(cells).flatMap((row) => Object.keys(row)))];
    for (const [month, row] of Object.entries(cells)) {
      for (const term of terms) figures.push({ key: { month, term }, people: row[term] ?? 0 });
      figures.push({ key: { month }, people: sum(Object.values(row)) });
    }
    for (const term of terms) figures.push({ key: { term }, people: sum(Object.values(cells).map((row) => row[term] ?? 0)) });
    figures.push({ key: {}, people: sum(Object.values(cells).flatMap((row) => Object.values(row))) });
    return figures;
  }
  const status = (figures: Figure<T>[], hidden: boolean[]) =>
    Object.fromEntries(figures.map((f, i) => [`${f.key.month ?? '*'}/${f.key.term ?? '*'}`, hidden[i] ? 'x' : f.people]));

  it('decides a month alike whatever period it is asked in', () => {
    const march = { a: 11, b: 30 };
    const april = { a: 10, b: 25 };
    const short = monthly({ '2019-03': march });
    const long = monthly({ '2019-03': march, '2019-04': april });
    const one = status(short, suppressOverMonths(short, ['month', 'term'], 'month'));
    const both = status(long, suppressOverMonths(long, ['month', 'term'], 'month'));
    expect(['2019-03/a', '2019-03/b', '2019-03/*'].map((k) => [one[k], both[k]])).toEqual([
      [11, 11],
      [30, 30],
      [41, 41],
    ]);
    // April: a (10 people) hidden, and b with it (the month's total is shown).
    expect(['2019-04/a', '2019-04/b', '2019-04/*'].map((k) => both[k])).toEqual(['x', 'x', 35]);
  });

  it('hides a figure over the period when one of its months is hidden, so that two periods cannot be set against each other', () => {
    const figures = monthly({ '2019-03': { a: 11, b: 30 }, '2019-04': { a: 10, b: 25 } });
    const got = status(figures, suppressOverMonths(figures, ['month', 'term'], 'month'));
    // a over March–April minus a over March would be April's 10: hidden. So is b (April's b is hidden too); the total is shown.
    expect([got['*/a'], got['*/b'], got['*/*']]).toEqual(['x', 'x', 76]);
  });

  it('shows a figure over the period when its months are shown or empty', () => {
    const figures = monthly({ '2019-03': { a: 11, b: 30 }, '2019-04': {}, '2019-05': { a: 12, b: 14 } });
    const got = status(figures, suppressOverMonths(figures, ['month', 'term'], 'month'));
    expect(['2019-04/a', '2019-04/*', '*/a', '*/b', '*/*'].map((k) => got[k])).toEqual(['x', 'x', 23, 44, 67]);
  });

  it('applies complementary suppression among the figures over the period', () => {
    const figures = monthly({ '2019-03': { a: 20, b: 30, c: 40 }, '2019-04': { a: 15, b: 12, c: 3 } });
    const got = status(figures, suppressOverMonths(figures, ['month', 'term'], 'month'));
    // April's c (3) and b (12, the smallest other) are hidden; over the period b and c are hidden, a is shown.
    expect(['2019-04/c', '2019-04/b', '2019-04/a', '*/a', '*/b', '*/c', '*/*'].map((k) => got[k])).toEqual([
      'x',
      'x',
      15,
      35,
      'x',
      'x',
      120,
    ]);
  });
});
