import { calendarDate, isOverdue } from './step.rules';

const today = '2026-11-23';

describe('isOverdue', () => {
  it('is true for an unfinished step due before today', () => {
    expect(isOverdue({ dueDate: '2026-11-22', outcome: 'NOT_STARTED' }, today)).toBe(true);
    expect(isOverdue({ dueDate: '2026-10-01', outcome: 'IN_PROGRESS' }, today)).toBe(true);
    expect(isOverdue({ dueDate: '2025-12-31', outcome: 'BROUGHT_FORWARD' }, today)).toBe(true);
  });

  it('is false for a step due today or later', () => {
    expect(isOverdue({ dueDate: today, outcome: 'NOT_STARTED' }, today)).toBe(false);
    expect(isOverdue({ dueDate: '2026-11-24', outcome: 'IN_PROGRESS' }, today)).toBe(false);
  });

  it('is false for a complete or cancelled step, however late', () => {
    expect(isOverdue({ dueDate: '2026-01-01', outcome: 'COMPLETE' }, today)).toBe(false);
    expect(isOverdue({ dueDate: '2026-01-01', outcome: 'CANCELLED' }, today)).toBe(false);
  });

  it('is false for a step without a due date', () => {
    expect(isOverdue({ dueDate: null, outcome: 'NOT_STARTED' }, today)).toBe(false);
  });

  it('compares across month and year boundaries', () => {
    expect(isOverdue({ dueDate: '2026-12-31', outcome: 'NOT_STARTED' }, '2027-01-01')).toBe(true);
    expect(isOverdue({ dueDate: '2026-02-28', outcome: 'NOT_STARTED' }, '2026-03-01')).toBe(true);
  });
});

describe('calendarDate', () => {
  it('is the UTC date of the instant', () => {
    expect(calendarDate(new Date('2026-11-23T23:59:59.999Z'))).toBe('2026-11-23');
    expect(calendarDate(new Date('2026-11-24T00:00:00Z'))).toBe('2026-11-24');
  });
});
