import { z } from 'zod';
import { isAppError } from './errors';
import {
  check,
  checkInput,
  dateSchema,
  integerSchema,
  listSchema,
  oneOfSchema,
  requiredTextSchema,
  text,
  uuidListSchema,
  uuidSchema,
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

  it('keeps one schema per limit and noun: each call answers by its own options, whatever came before', () => {
    const three = [ID, ID.replace(/.$/, '1'), ID.replace(/.$/, '2')];
    expect(uuidList('input.taxonomyTermIds', three, { max: 3 })).toEqual(three);
    expect(refusal(() => uuidList('input.taxonomyTermIds', three, { max: 2, noun: 'terms' }))?.message).toBe(
      'input.taxonomyTermIds must hold at most 2 terms',
    );
    expect(refusal(() => uuidList('input.taxonomyTermIds', three, { max: 2 }))?.message).toBe(
      'input.taxonomyTermIds must hold at most 2 ids',
    );
    expect(uuidList('input.taxonomyTermIds', three, { max: 3 })).toEqual(three);
    expect(listLength('input.goals', [1, 2], { max: 2 })).toEqual([1, 2]);
    expect(refusal(() => listLength('input.goals', [1, 2], { max: 1, noun: 'goals' }))?.message).toBe(
      'input.goals must hold at most 1 goals',
    );
    expect(refusal(() => integer('input.age', 131, { min: 0, max: 130 }))?.message).toBe('input.age must be a whole number from 0 to 130');
    expect(integer('input.age', 131, { min: 0 })).toBe(131);
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

describe('the zod schemas under the validators', () => {
  it('normalise as the field functions do: text trimmed, blank as null, ids lower-cased and unique', () => {
    expect(text().parse('  Ana  ')).toBe('Ana');
    expect(text().parse('   ')).toBeNull();
    expect(text().parse(undefined)).toBeNull();
    expect(requiredTextSchema({ max: 3 }).parse(' Ana ')).toBe('Ana');
    expect(uuidSchema.parse(ID.toUpperCase())).toBe(ID);
    expect(uuidListSchema({ max: 3 }).parse([ID, ID.toUpperCase()])).toEqual([ID]);
    expect(uuidListSchema({ max: 3 }).parse(null)).toBeNull();
    expect(oneOfSchema(['a', 'b']).parse('b')).toBe('b');
    expect(integerSchema({ min: 1, max: 3 }).parse(3)).toBe(3);
    expect(dateSchema({ min: '2026-01-01', max: '2026-12-31', meaning: 'within 2026' }).parse('2026-02-28')).toBe('2026-02-28');
  });

  it('carry the project problem sentences, which check prefixes with the field', () => {
    expect(refusal(() => check('input.firstName', requiredTextSchema(), ' '))?.message).toBe('input.firstName must not be empty');
    expect(refusal(() => check('input.title', text({ max: 4 }), 'x'.repeat(5)))?.message).toBe('input.title must be at most 4 characters');
    expect(refusal(() => check('input.title', text(), 'a\nb'))?.message).toBe(
      'input.title must not contain control characters or line breaks',
    );
    expect(refusal(() => check('input.notes', text({ multiLine: true }), 'a\u0007'))?.message).toBe(
      'input.notes must not contain control characters other than tab and line breaks',
    );
    expect(refusal(() => check('input.name', text(), 42))?.message).toBe('input.name must be text');
    expect(refusal(() => check('clientId', uuidSchema, 'client-1'))?.message).toBe('clientId must be a UUID, got "client-1"');
    expect(refusal(() => check('input.status', oneOfSchema(['a', 'b']), 'c'))?.message).toBe(
      `input.status must be one of 'a', 'b', got "c"`,
    );
    expect(refusal(() => check('input.age', integerSchema({ min: 0, max: 130 }), 'ten'))?.message).toBe(
      'input.age must be a whole number from 0 to 130',
    );
    expect(refusal(() => check('input.ids', uuidListSchema({ max: 1, noun: 'terms' }), [ID, ID]))?.message).toBe(
      'input.ids must hold at most 1 terms',
    );
  });

  it('name a list item by its index, and check the length before the items', () => {
    expect(refusal(() => check('input.ids', uuidListSchema({ max: 3 }), [ID, 'nope']))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.ids[1]',
      message: 'input.ids[1] must be a UUID, got "nope"',
    });
    expect(refusal(() => check('input.ids', uuidListSchema({ max: 1 }), ['nope', 'nope']))?.field).toBe('input.ids');
    expect(refusal(() => check('input.goals', listSchema(requiredTextSchema(), { max: 5 }), 'not a list'))?.message).toBe(
      'input.goals must be a list',
    );
  });

  describe('checkInput: an input whose rules span fields', () => {
    const range = { min: '2026-01-01', max: '2026-12-31', meaning: 'within 2026' };
    const planInput = z
      .object({
        title: requiredTextSchema({ max: 50 }),
        startDate: dateSchema(range),
        endDate: dateSchema(range),
        goals: listSchema(z.object({ title: requiredTextSchema({ max: 20 }), notes: text({ multiLine: true }) }), {
          max: 3,
          noun: 'goals',
        }),
      })
      .superRefine((plan, ctx) => {
        if (plan.endDate < plan.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must be on or after startDate' });
      });
    const valid = {
      title: ' Housing ',
      startDate: '2026-03-01',
      endDate: '2026-04-01',
      goals: [{ title: ' Find a flat ', notes: 'Call\nthe landlord' }],
    };

    it('answers the whole input normalised', () => {
      expect(checkInput('input', planInput, valid)).toEqual({
        title: 'Housing',
        startDate: '2026-03-01',
        endDate: '2026-04-01',
        goals: [{ title: 'Find a flat', notes: 'Call\nthe landlord' }],
      });
    });

    it('names a nested field by its path', () => {
      const goals = [valid.goals[0], { title: '  ', notes: null }];
      expect(refusal(() => checkInput('input', planInput, { ...valid, goals }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.goals[1].title',
        message: 'input.goals[1].title must not be empty',
      });
    });

    it('names the field a rule across fields is about', () => {
      expect(refusal(() => checkInput('input', planInput, { ...valid, endDate: '2026-02-01' }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.endDate',
        message: 'input.endDate must be on or after startDate',
      });
    });
  });
});
