import { isAppError } from '@caseflow/core';
import { FOUR_NEEDS } from '../testing/ranking-grid';
import { checkGrid, rankByWins } from './ranking.rules';

const { items, choices: complete } = FOUR_NEEDS;

function refusal(fn: () => unknown): { code: string; field: unknown; pair: unknown; message: string } {
  try {
    fn();
  } catch (error) {
    if (isAppError(error)) return { code: error.code, field: error.details.field, pair: error.details.pair, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('rankByWins', () => {
  it('ranks a complete grid by wins', () => {
    expect(rankByWins(items, complete)).toEqual([
      { item: 'Childcare', wins: 3, rank: 1 },
      { item: 'Stable housing', wins: 2, rank: 2 },
      { item: 'Updated resume', wins: 1, rank: 3 },
      { item: 'Driver licence', wins: 0, rank: 4 },
    ]);
  });

  it('keeps input order between items with the same wins', () => {
    // A cycle: each of three items wins once.
    const cycle = [
      { a: 0, b: 1, winner: 0 },
      { a: 1, b: 2, winner: 1 },
      { a: 0, b: 2, winner: 2 },
    ];
    expect(rankByWins(['C', 'A', 'B'], cycle).map((r) => [r.item, r.wins, r.rank])).toEqual([
      ['C', 1, 1],
      ['A', 1, 2],
      ['B', 1, 3],
    ]);
  });
});

describe('checkGrid', () => {
  it('accepts a complete grid in any pair order and trims the items', () => {
    expect(checkGrid([' Housing ', 'Food'], [{ a: 1, b: 0, winner: 1 }])).toEqual(['Housing', 'Food']);
    expect(checkGrid(items, complete)).toEqual(items);
  });

  it('refuses fewer than 2 or more than 10 items, naming input.items', () => {
    expect(refusal(() => checkGrid(['Only'], []))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.items' });
    const eleven = Array.from({ length: 11 }, (_, i) => `Need ${i}`);
    expect(refusal(() => checkGrid(eleven, []))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.items' });
  });

  it('refuses empty, over-long and repeated items, naming the item', () => {
    expect(refusal(() => checkGrid(['A', '  '], []))).toMatchObject({ field: 'input.items[1]' });
    expect(refusal(() => checkGrid(['A', 'x'.repeat(201)], []))).toMatchObject({ field: 'input.items[1]' });
    expect(refusal(() => checkGrid(['Housing', 'Food', 'housing'], []))).toMatchObject({
      field: 'input.items[2]',
      message: 'input.items[2] repeats items[0]',
    });
  });

  it('refuses a missing pair, naming it', () => {
    const r = refusal(() =>
      checkGrid(
        items,
        complete.filter((c) => !(c.a === 1 && c.b === 3)),
      ),
    );
    expect(r).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.choices',
      pair: [1, 3],
      message: 'input.choices is missing the pair (1, 3)',
    });
  });

  it('refuses a repeated pair, in either order, naming the choice and the pair', () => {
    const r = refusal(() => checkGrid(items, [...complete, { a: 2, b: 1, winner: 1 }]));
    expect(r).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.choices[6]',
      pair: [2, 1],
      message: 'input.choices[6] repeats the pair (1, 2)',
    });
  });

  it('refuses out-of-range pairs, self-comparisons and a winner outside the pair', () => {
    expect(refusal(() => checkGrid(items, [{ a: 0, b: 4, winner: 0 }, ...complete]))).toMatchObject({
      field: 'input.choices[0]',
      pair: [0, 4],
    });
    expect(refusal(() => checkGrid(items, [...complete.slice(0, 2), { a: -1, b: 2, winner: 2 }]))).toMatchObject({
      field: 'input.choices[2]',
      pair: [-1, 2],
    });
    expect(refusal(() => checkGrid(items, [{ a: 2, b: 2, winner: 2 }]))).toMatchObject({ field: 'input.choices[0]', pair: [2, 2] });
    expect(refusal(() => checkGrid(items, [{ a: 0, b: 1, winner: 3 }]))).toMatchObject({ field: 'input.choices[0]', pair: [0, 1] });
  });
});
