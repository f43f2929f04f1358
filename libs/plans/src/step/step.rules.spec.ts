import { isAppError } from '@caseflow/core';
import { applyStepChange, calendarDate, describeStepChange, isOverdue, type StepState } from './step.rules';

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

function refusedField(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    if (isAppError(error) && error.code === 'BAD_USER_INPUT') return error.details.field;
    throw error;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('applyStepChange', () => {
  const open: StepState = { outcome: 'IN_PROGRESS', dueDate: '2026-11-20', completedAt: null };
  const done: StepState = { outcome: 'COMPLETE', dueDate: '2026-11-20', completedAt: '2026-11-19' };

  it('completes a step today unless a completion date is given', () => {
    expect(applyStepChange(open, { outcome: 'COMPLETE' }, today)).toEqual({
      next: { outcome: 'COMPLETE', dueDate: '2026-11-20', completedAt: today },
      diff: { outcome: ['IN_PROGRESS', 'COMPLETE'], completedAt: [null, today] },
    });
    expect(applyStepChange(open, { outcome: 'COMPLETE', completedAt: '2026-11-21' }, today).next.completedAt).toBe('2026-11-21');
  });

  it('corrects the completion date of a complete step, and clears it when the step is reopened', () => {
    expect(applyStepChange(done, { completedAt: '2026-11-18' }, today).diff).toEqual({ completedAt: ['2026-11-19', '2026-11-18'] });
    expect(applyStepChange(done, { outcome: 'IN_PROGRESS' }, today).next).toEqual({
      outcome: 'IN_PROGRESS',
      dueDate: '2026-11-20',
      completedAt: null,
    });
  });

  it('brings a step forward to a new due date, keeping the old one in the diff', () => {
    const { next, diff } = applyStepChange(open, { outcome: 'BROUGHT_FORWARD', dueDate: '2026-12-04' }, today);
    expect(next).toEqual({ outcome: 'BROUGHT_FORWARD', dueDate: '2026-12-04', completedAt: null });
    expect(diff).toEqual({ outcome: ['IN_PROGRESS', 'BROUGHT_FORWARD'], dueDate: ['2026-11-20', '2026-12-04'] });
    expect(describeStepChange('Apply to three postings', diff)).toBe(
      'Step "Apply to three postings": brought forward, due 2026-11-20 → 2026-12-04',
    );
  });

  it('refuses bringing a step forward without a new, future due date', () => {
    expect(refusedField(() => applyStepChange(open, { outcome: 'BROUGHT_FORWARD' }, today))).toBe('input.dueDate');
    expect(refusedField(() => applyStepChange(open, { outcome: 'BROUGHT_FORWARD', dueDate: '2026-11-20' }, today))).toBe('input.dueDate');
    expect(refusedField(() => applyStepChange(open, { outcome: 'BROUGHT_FORWARD', dueDate: '2026-11-22' }, today))).toBe('input.dueDate');
  });

  it('refuses a completion date in the future or on a step that is not complete', () => {
    expect(refusedField(() => applyStepChange(open, { outcome: 'COMPLETE', completedAt: '2026-11-24' }, today))).toBe('input.completedAt');
    expect(refusedField(() => applyStepChange(open, { completedAt: '2026-11-22' }, today))).toBe('input.completedAt');
    expect(refusedField(() => applyStepChange(done, { outcome: 'CANCELLED', completedAt: '2026-11-22' }, today))).toBe('input.completedAt');
  });

  it('refuses a change that names nothing or changes nothing', () => {
    expect(refusedField(() => applyStepChange(open, {}, today))).toBe('input');
    expect(refusedField(() => applyStepChange(open, { outcome: 'IN_PROGRESS', dueDate: '2026-11-20' }, today))).toBe('input');
  });
});
