import { allPairs, fromRanking, itemsProblem, pairKey, rank, toChoices } from './pairwise';

describe('the pairwise prioritizing grid', () => {
  const items = ['Housing', 'Childcare', 'Driver licence', 'Food'];

  it('compares every pair once', () => {
    expect(allPairs(4)).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
    expect(allPairs(10)).toHaveLength(45);
  });

  it('ranks by wins, ties kept in the order the items were given', () => {
    const choices = {
      [pairKey(0, 1)]: 1,
      [pairKey(0, 2)]: 0,
      [pairKey(0, 3)]: 3,
      [pairKey(1, 2)]: 1,
      [pairKey(1, 3)]: 3,
      [pairKey(2, 3)]: 2,
    };
    expect(rank(items, choices)).toEqual([
      { item: 'Childcare', wins: 2, rank: 1 },
      { item: 'Food', wins: 2, rank: 2 },
      { item: 'Housing', wins: 1, rank: 3 },
      { item: 'Driver licence', wins: 1, rank: 4 },
    ]);
  });

  it('turns the choices into the API input, or names the first pair still undecided', () => {
    expect(toChoices(3, { '0-1': 0, '0-2': 2 })).toEqual({ missing: [1, 2] });
    expect(toChoices(3, { '0-1': 0, '0-2': 2, '1-2': 1 })).toEqual({
      choices: [
        { a: 0, b: 1, winner: 0 },
        { a: 0, b: 2, winner: 2 },
        { a: 1, b: 2, winner: 1 },
      ],
    });
  });

  it('refuses too few, too many or repeated needs', () => {
    expect(itemsProblem(['Housing'])).toMatch(/at least two/);
    expect(itemsProblem(Array.from({ length: 11 }, (_, i) => `n${i}`))).toMatch(/at most 10/);
    expect(itemsProblem(['Food', 'food'])).toMatch(/listed twice/);
    expect(itemsProblem(items)).toBeNull();
  });

  it('starts a new grid from the last ranking: its order, every pair decided, the same ranking so far', () => {
    const last = [
      { item: 'Food', rank: 2 },
      { item: 'Housing', rank: 1 },
      { item: 'Childcare', rank: 3 },
    ];
    const grid = fromRanking(last);
    expect(grid.items).toEqual(['Housing', 'Food', 'Childcare']);
    expect(toChoices(3, grid.choices)).toEqual({
      choices: [
        { a: 0, b: 1, winner: 0 },
        { a: 0, b: 2, winner: 0 },
        { a: 1, b: 2, winner: 1 },
      ],
    });
    expect(rank(grid.items, grid.choices).map((r) => r.item)).toEqual(['Housing', 'Food', 'Childcare']);
  });
});
