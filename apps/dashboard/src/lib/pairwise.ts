/**
 * The pairwise prioritizing grid: every pair of items compared once, items
 * ranked by how often they won, ties kept in the order the items were given.
 * The same rule as the plans subgraph, so the form can show the ranking as
 * the choices are made; the server's ranking is the one stored.
 */
export interface PairChoice {
  a: number;
  b: number;
  winner: number;
}

export interface Ranked {
  item: string;
  wins: number;
  rank: number;
}

export const MAX_ITEMS = 10;

/** Every unordered pair of n items, in reading order: (0,1), (0,2) … (n-2,n-1). */
export function allPairs(n: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let a = 0; a < n; a += 1) for (let b = a + 1; b < n; b += 1) pairs.push([a, b]);
  return pairs;
}

export function pairKey(a: number, b: number): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

/** The items as the form holds them: trimmed, blanks left out. */
export function cleanItems(items: string[]): string[] {
  return items.map((i) => i.trim()).filter(Boolean);
}

/** What is wrong with the items, or null. */
export function itemsProblem(items: string[]): string | null {
  if (items.length < 2) return 'Enter at least two needs to compare.';
  if (items.length > MAX_ITEMS) return `Compare at most ${MAX_ITEMS} needs at once.`;
  if (items.some((i) => i.length > 200)) return 'Each need must be at most 200 characters.';
  const seen = new Set<string>();
  for (const item of items) {
    const key = item.toLowerCase();
    if (seen.has(key)) return `"${item}" is listed twice.`;
    seen.add(key);
  }
  return null;
}

/** The ranking the choices give; pairs not yet decided count for nobody. */
export function rank(items: string[], choices: Record<string, number>): Ranked[] {
  const wins = items.map(() => 0);
  for (const [a, b] of allPairs(items.length)) {
    const winner = choices[pairKey(a, b)];
    if (winner === a || winner === b) wins[winner] += 1;
  }
  return items
    .map((item, index) => ({ item, wins: wins[index], index }))
    .sort((x, y) => y.wins - x.wins || x.index - y.index)
    .map((r, i) => ({ item: r.item, wins: r.wins, rank: i + 1 }));
}

/** The choices as the API takes them, or the first pair still undecided. */
export function toChoices(n: number, choices: Record<string, number>): { choices: PairChoice[] } | { missing: [number, number] } {
  const out: PairChoice[] = [];
  for (const [a, b] of allPairs(n)) {
    const winner = choices[pairKey(a, b)];
    if (winner !== a && winner !== b) return { missing: [a, b] };
    out.push({ a, b, winner });
  }
  return { choices: out };
}

/**
 * A new grid that starts from an earlier ranking: its items in ranked order,
 * each pair already decided for the higher-ranked item, so the ranking so far
 * is the earlier one and only the pairs that changed need a new choice.
 */
export function fromRanking(ranked: ReadonlyArray<{ item: string; rank: number }>): { items: string[]; choices: Record<string, number> } {
  const items = [...ranked].sort((x, y) => x.rank - y.rank).map((r) => r.item);
  const choices: Record<string, number> = {};
  for (const [a, b] of allPairs(items.length)) choices[pairKey(a, b)] = a;
  return { items, choices };
}

/** The sentence that asks for an undecided pair. */
export function comparePrompt(items: string[], [a, b]: [number, number]): string {
  return `Compare “${items[a]}” with “${items[b]}”.`;
}
