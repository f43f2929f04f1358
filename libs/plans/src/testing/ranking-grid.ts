import type { PairwiseChoice } from '../ranking/ranking.rules';

/**
 * A complete grid of four needs, every pair compared once (the last pair
 * given in reverse order): childcare beats everything; housing beats licence
 * and resume; resume beats licence.
 */
export const FOUR_NEEDS: { items: string[]; choices: PairwiseChoice[] } = {
  items: ['Stable housing', 'Childcare', 'Driver licence', 'Updated resume'],
  choices: [
    { a: 0, b: 1, winner: 1 },
    { a: 0, b: 2, winner: 0 },
    { a: 0, b: 3, winner: 0 },
    { a: 1, b: 2, winner: 1 },
    { a: 1, b: 3, winner: 1 },
    { a: 3, b: 2, winner: 3 },
  ],
};
