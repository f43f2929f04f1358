import { isAppError } from './errors';
import {
  integer,
  listLength,
  oneOf,
  optionalDate,
  optionalOneOf,
  optionalText,
  optionalUuid,
  requiredText,
  uuid,
  uuidList,
} from './validate';

/** The code, field and message a check refused with, or null when it passed. */
function refusal(run: () => unknown): { code: string; field: unknown; message: string } | null {
  try {
    run();
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { code: error.code, field: error.details.field, message: error.message };
  }
  return null;
}

const ID = '0b5f4c1e-8a0d-4e0a-9d53-2f1a7c9e4b10';

describe('text', () => {
  it('trims, counts blank as absent and keeps the text otherwise', () => {
    expect(optionalText('input.note', '  Called back  ')).toBe('Called back');
    expect(optionalText('input.note', '   ')).toBeNull();
    expect(optionalText('input.note', null)).toBeNull();
    expect(optionalText('input.note', undefined)).toBeNull();
    expect(requiredText('input.firstName', ' Ana ', { max: 3 })).toBe('Ana');
  });

  it('refuses blank required text and text over the limit, naming the field', () => {
    expect(refusal(() => requiredText('input.firstName', '  '))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.firstName',
      message: 'input.firstName must not be empty',
    });
    expect(refusal(() => requiredText('input.firstName', undefined))?.field).toBe('input.firstName');
    expect(refusal(() => optionalText('input.goals[0].title', 'x'.repeat(11), { max: 10 }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.goals[0].title',
      message: 'input.goals[0].title must be at most 10 characters',
    });
    // The limit counts the trimmed text.
    expect(optionalText('input.title', `  ${'x'.repeat(10)}  `, { max: 10 })).toBe('x'.repeat(10));
  });

  it('defaults the limit to the edge widest: 2,000 on one line, 20,000 in prose', () => {
    expect(optionalText('input.title', 'x'.repeat(2000))).toHaveLength(2000);
    expect(refusal(() => optionalText('input.title', 'x'.repeat(2001)))?.field).toBe('input.title');
    expect(optionalText('input.description', 'x'.repeat(20_000))).toHaveLength(20_000);
    expect(refusal(() => optionalText('input.description', 'x'.repeat(20_001)))?.field).toBe('input.description');
  });

  it('allows tab and line breaks only in prose, and no other control character anywhere', () => {
    expect(requiredText('input.steps[0].description', 'Call\n\tthe landlord')).toBe('Call\n\tthe landlord');
    expect(requiredText('input.reason', 'Moved\r\naway')).toBe('Moved\r\naway');
    expect(refusal(() => requiredText('input.firstName', 'Ana\nMaria'))?.message).toBe(
      'input.firstName must not contain control characters or line breaks',
    );
    expect(refusal(() => requiredText('input.description', 'Call\u0000now'))?.field).toBe('input.description');
    expect(refusal(() => requiredText('input.description', 'Bell\u0007'))?.message).toBe(
      'input.description must not contain control characters other than tab and line breaks',
    );
    // The caller may say otherwise.
    expect(requiredText('input.label', 'a\nb', { multiLine: true })).toBe('a\nb');
    expect(refusal(() => requiredText('input.description', 'a\nb', { multiLine: false }))?.field).toBe('input.description');
  });

  it('refuses a value that is not text', () => {
    expect(refusal(() => requiredText('input.name', 42 as unknown as string))?.message).toBe('input.name must be text');
  });
});

describe('uuid', () => {
  it('answers a UUID in lower case, whatever case it came in', () => {
    expect(uuid('clientId', ID.toUpperCase())).toBe(ID);
    expect(optionalUuid('input.goalId', null)).toBeNull();
    expect(optionalUuid('input.goalId', ID)).toBe(ID);
  });

  it('refuses anything else, quoting only a short excerpt', () => {
    expect(refusal(() => uuid('clientId', 'client-1'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'clientId',
      message: 'clientId must be a UUID, got "client-1"',
    });
    expect(refusal(() => uuid('clientId', undefined))?.field).toBe('clientId');
    const long = refusal(() => uuid('clientId', 'y'.repeat(500)));
    expect(long?.message.length).toBeLessThan(80);
  });

  it('checks a list of UUIDs: its length, each item by its index, duplicates dropped', () => {
    expect(uuidList('input.taxonomyTermIds', [ID, ID.toUpperCase()], { max: 2 })).toEqual([ID]);
    expect(uuidList('input.taxonomyTermIds', null, { max: 2 })).toBeNull();
    expect(refusal(() => uuidList('input.taxonomyTermIds', [ID, 'nope'], { max: 2 }))?.field).toBe('input.taxonomyTermIds[1]');
    expect(refusal(() => uuidList('input.taxonomyTermIds', [ID, ID, ID], { max: 2, noun: 'terms' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.taxonomyTermIds',
      message: 'input.taxonomyTermIds must hold at most 2 terms',
    });
  });
});

describe('one of', () => {
  const STATUSES = ['active', 'inactive'] as const;

  it('answers an allowed value and refuses any other, listing the allowed', () => {
    expect(oneOf('input.status', 'active', STATUSES)).toBe('active');
    expect(optionalOneOf('input.status', undefined, STATUSES)).toBeNull();
    expect(refusal(() => oneOf('input.status', 'Active', STATUSES))?.message).toBe(
      `input.status must be one of 'active', 'inactive', got "Active"`,
    );
    expect(refusal(() => optionalOneOf('input.status', 'open', STATUSES))?.field).toBe('input.status');
  });
});

describe('integer', () => {
  it('answers a whole number in range and refuses fractions and numbers outside it', () => {
    expect(integer('input.expectedVersion', 1, { min: 1 })).toBe(1);
    expect(integer('input.age', 130, { min: 0, max: 130 })).toBe(130);
    expect(refusal(() => integer('input.expectedVersion', 0, { min: 1 }))?.message).toBe(
      'input.expectedVersion must be a whole number of 1 or more',
    );
    expect(refusal(() => integer('input.age', 131, { min: 0, max: 130 }))?.message).toBe('input.age must be a whole number from 0 to 130');
    expect(refusal(() => integer('input.age', 1.5, { min: 0, max: 130 }))?.field).toBe('input.age');
    expect(refusal(() => integer('input.age', Number.NaN, { min: 0 }))?.field).toBe('input.age');
  });
});

describe('dates and lists', () => {
  const range = { min: '2026-01-01', max: '2026-12-31', meaning: 'within 2026' };

  it('answers a calendar date in range and refuses days that do not exist or lie outside', () => {
    expect(optionalDate('input.dueDate', '2026-02-28', range)).toBe('2026-02-28');
    expect(optionalDate('input.dueDate', null, range)).toBeNull();
    expect(refusal(() => optionalDate('input.dueDate', '2026-02-30', range))?.field).toBe('input.dueDate');
    expect(refusal(() => optionalDate('input.dueDate', '2027-01-01', range))?.message).toBe(
      'input.dueDate must be within 2026, got 2027-01-01',
    );
  });

  it('refuses a list longer than its limit, naming what it holds', () => {
    expect(listLength('input.goals', [1, 2], { max: 2, noun: 'goals' })).toEqual([1, 2]);
    expect(listLength('input.goals', undefined, { max: 2 })).toEqual([]);
    expect(refusal(() => listLength('input.goals', [1, 2, 3], { max: 2, noun: 'goals' }))?.message).toBe(
      'input.goals must hold at most 2 goals',
    );
    expect(refusal(() => listLength('input.keyDates', [1, 2, 3], { max: 2 }))?.message).toBe('input.keyDates must hold at most 2 items');
  });
});
