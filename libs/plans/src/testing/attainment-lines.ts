interface Cell {
  month: string | null;
  term: string | null;
}

/**
 * Every line of the month × term table with its totals, as complementary
 * suppression sees them: each month's cells with the month's total, each
 * term's cells with the term's total, and the month totals and the term
 * totals each with the grand total.
 */
export function tableLines<C extends Cell>(cells: readonly C[], byMonth: readonly C[], byTerm: readonly C[], total: C): C[][] {
  return [
    ...byMonth.map((m) => [...cells.filter((c) => c.month === m.month), m]),
    ...byTerm.map((t) => [...cells.filter((c) => c.term === t.term), t]),
    [...byMonth, total],
    [...byTerm, total],
  ];
}
