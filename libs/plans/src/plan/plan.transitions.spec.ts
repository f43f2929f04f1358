import { canMoveGoal, canMovePlan, isLive, isPlanOpen } from './plan.transitions';

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

describe('goal transitions', () => {
  it('closes an OPEN goal in any of the three ways and reopens a closed one', () => {
    for (const closed of ['ACHIEVED', 'NOT_ACHIEVED', 'CANCELLED'] as const) {
      expect(canMoveGoal('OPEN', closed)).toBe(true);
      expect(canMoveGoal(closed, 'OPEN')).toBe(true);
    }
  });

  it('refuses moving between closed states and staying put', () => {
    expect(canMoveGoal('ACHIEVED', 'CANCELLED')).toBe(false);
    expect(canMoveGoal('NOT_ACHIEVED', 'ACHIEVED')).toBe(false);
    expect(canMoveGoal('OPEN', 'OPEN')).toBe(false);
    expect(canMoveGoal('ACHIEVED', 'ACHIEVED')).toBe(false);
  });

  it('treats only an OPEN goal of an open plan as live', () => {
    expect(isLive('ACTIVE', 'OPEN')).toBe(true);
    expect(isLive('DRAFT', 'OPEN')).toBe(true);
    expect(isLive('ACTIVE', 'ACHIEVED')).toBe(false);
    expect(isLive('COMPLETED', 'OPEN')).toBe(false);
    expect(isLive('CANCELLED', 'OPEN')).toBe(false);
  });
});
