import { canMoveGoal, isLive } from './goal.transitions';

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
