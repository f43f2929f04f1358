import { AppError, badInput } from '@caseflow/core';

export const MIN_ITEMS = 2;
export const MAX_ITEMS = 10;
export const MAX_ITEM_LENGTH = 200;

export interface PairwiseChoice {
  a: number;
  b: number;
  winner: number;
}

export interface Ranked {
  item: string;
  wins: number;
  rank: number;
}

/** A BAD_USER_INPUT naming the field and, in `extensions.pair`, the pair of item indexes at fault. */
function badPair(field: string, pair: [number, number], problem: string): AppError {
  return new AppError('BAD_USER_INPUT', `${field} ${problem}`, { field, pair });
}

const key = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);

/**
 * Checks a pairwise prioritizing grid: 2 to 10 distinct, non-empty items, and
 * every unordered pair of them compared exactly once, with the winner one of
 * the two. The first fault found is refused naming its field (and the pair).
 * Returns the items trimmed.
 */
export function checkGrid(items: readonly string[], choices: readonly PairwiseChoice[], field = 'input'): string[] {
  if (items.length < MIN_ITEMS || items.length > MAX_ITEMS) {
    throw badInput(`${field}.items`, `must hold ${MIN_ITEMS} to ${MAX_ITEMS} items, got ${items.length}`);
  }
  const trimmed = items.map((item, i) => {
    const value = item.trim();
    if (!value) throw badInput(`${field}.items[${i}]`, 'must not be empty');
    if (value.length > MAX_ITEM_LENGTH) throw badInput(`${field}.items[${i}]`, `must be at most ${MAX_ITEM_LENGTH} characters`);
    return value;
  });
  const folded = trimmed.map((item) => item.toLocaleLowerCase());
  folded.forEach((item, i) => {
    const first = folded.indexOf(item);
    if (first !== i) throw badInput(`${field}.items[${i}]`, `repeats items[${first}]`);
  });

  const n = items.length;
  const seen = new Set<string>();
  choices.forEach(({ a, b, winner }, i) => {
    const at = `${field}.choices[${i}]`;
    const inRange = (x: number) => Number.isInteger(x) && x >= 0 && x < n;
    if (!inRange(a) || !inRange(b)) throw badPair(at, [a, b], `compares (${a}, ${b}), outside the items 0 to ${n - 1}`);
    if (a === b) throw badPair(at, [a, b], `compares item ${a} with itself`);
    if (winner !== a && winner !== b) throw badPair(at, [a, b], `names winner ${winner}, which is neither ${a} nor ${b}`);
    if (seen.has(key(a, b))) throw badPair(at, [a, b], `repeats the pair (${Math.min(a, b)}, ${Math.max(a, b)})`);
    seen.add(key(a, b));
  });
  for (let a = 0; a < n; a += 1) {
    for (let b = a + 1; b < n; b += 1) {
      if (!seen.has(key(a, b))) throw badPair(`${field}.choices`, [a, b], `is missing the pair (${a}, ${b})`);
    }
  }
  return trimmed;
}

/** Ranks items by the comparisons they won, most first; ties keep the order the items were entered in. */
export function rankByWins(items: readonly string[], choices: readonly PairwiseChoice[]): Ranked[] {
  const wins = items.map(() => 0);
  for (const choice of choices) wins[choice.winner] += 1;
  return items
    .map((item, index) => ({ item, wins: wins[index], index }))
    .sort((x, y) => y.wins - x.wins || x.index - y.index)
    .map(({ item, wins: w }, position) => ({ item, wins: w, rank: position + 1 }));
}
