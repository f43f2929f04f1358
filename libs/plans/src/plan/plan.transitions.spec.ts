import { canMovePlan, isPlanOpen } from './plan.transitions';

describe('plan transitions', () => {
  it('moves DRAFT to ACTIVE or CANCELLED, and ACTIVE to COMPLETED or CANCELLED', () => {
    expect(canMovePlan('DRAFT', 'ACTIVE')).toBe(true);
    expect(canMovePlan('DRAFT', 'CANCELLED')).toBe(true);
    expect(canMovePlan('ACTIVE', 'COMPLETED')).toBe(true);
    expect(canMovePlan('ACTIVE', 'CANCELLED')).toBe(true);
  });

  it('refuses every other move, final states and staying put included', () => {
    expect(canMovePlan('DRAFT', 'COMPLETED')).toBe(false);
    expect(canMovePlan('ACTIVE', 'DRAFT')).toBe(false);
    expect(canMovePlan('ACTIVE', 'ACTIVE')).toBe(false);
    for (const to of ['DRAFT', 'ACTIVE', 'COMPLETED', 'CANCELLED'] as const) {
      expect(canMovePlan('COMPLETED', to)).toBe(false);
      expect(canMovePlan('CANCELLED', to)).toBe(false);
    }
  });

  it('keeps only drafts and active plans open to change', () => {
    expect([isPlanOpen('DRAFT'), isPlanOpen('ACTIVE'), isPlanOpen('COMPLETED'), isPlanOpen('CANCELLED')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
