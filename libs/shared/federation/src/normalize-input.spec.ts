import { buildSchema, graphql } from 'graphql';
import { type AppError, shortenQuoted } from '@caseflow/core';
import { normalizeArgs, withNormalizedInput } from './normalize-input';
import { DateScalar, DateTimeScalar } from './scalars';

const schema = buildSchema(`
  scalar Date
  scalar DateTime
  input KeyDateInput { label: String! date: Date! }
  input NoteInput { clientId: ID! body: String! occurredAt: DateTime! dateOfBirth: Date }
  type Query { echo(id: ID, note: NoteInput, keyDates: [KeyDateInput!], name: String): String }
`);
const args = schema.getQueryType()!.getFields()['echo'].args;
const now = new Date();
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function refusal(input: Record<string, unknown>): { code: string; field: unknown; message: string } {
  try {
    normalizeArgs(args, input, now);
  } catch (error) {
    const e = error as AppError;
    return { code: e.code, field: e.details['field'], message: e.message };
  }
  throw new Error('expected a refusal');
}

const note = {
  clientId: '00000000-0000-4000-8000-000000000001',
  body: 'Met.\n\tCalled back.',
  occurredAt: new Date(now.getTime() - DAY).toISOString(),
};

describe('normalizeArgs', () => {
  it('lower-cases ids once, keeps multi-line prose and turns instants into Dates', () => {
    const out = normalizeArgs(
      args,
      { id: 'ABCDEF01-2345-4678-89AB-CDEF01234567', note: { ...note, clientId: note.clientId.toUpperCase() } },
      now,
    );
    expect(out['id']).toBe('abcdef01-2345-4678-89ab-cdef01234567');
    const n = out['note'] as Record<string, unknown>;
    expect(n['clientId']).toBe(note.clientId);
    expect(n['body']).toBe(note.body);
    expect((n['occurredAt'] as Date).toISOString()).toBe(new Date(note.occurredAt).toISOString());
  });

  it.each([
    ['a garbage id', { id: 'not-a-uuid' }, 'id'],
    ['NUL in a name', { name: 'Ann\u0000' }, 'name'],
    ['a line break in a single-line field', { name: 'Ann\nLee' }, 'name'],
    ['NUL in a note body', { note: { ...note, body: 'x\u0000y' } }, 'note.body'],
    ['an impossible instant', { note: { ...note, occurredAt: '2026-02-30T10:00:00Z' } }, 'note.occurredAt'],
    ['an instant in year 0', { note: { ...note, occurredAt: '0000-01-01T10:00:00Z' } }, 'note.occurredAt'],
    ['an offset of +99:99', { note: { ...note, occurredAt: '2026-01-01T10:00:00+99:99' } }, 'note.occurredAt'],
    ['a birth date in the future', { note: { ...note, dateOfBirth: isoDay(now.getTime() + 2 * DAY) } }, 'note.dateOfBirth'],
    ['a birth date before 1900', { note: { ...note, dateOfBirth: '1899-12-31' } }, 'note.dateOfBirth'],
    ['a key date in 9999', { keyDates: [{ label: 'Court', date: '9999-12-31' }] }, 'keyDates[0].date'],
    ['a key date without padding', { keyDates: [{ label: 'Court', date: '2026-1-1' }] }, 'keyDates[0].date'],
    ['an empty date', { keyDates: [{ label: 'Court', date: '' }] }, 'keyDates[0].date'],
  ])('refuses %s with a BAD_USER_INPUT naming the field', (_, input, field) => {
    expect(refusal(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('quotes at most a short excerpt of a long value', () => {
    const { message } = refusal({ id: 'x'.repeat(10_000) });
    expect(message.length).toBeLessThan(120);
  });

  it('accepts a key date within ten years and a birth date of yesterday', () => {
    expect(() =>
      normalizeArgs(
        args,
        {
          keyDates: [{ label: 'Court', date: isoDay(now.getTime() + 9 * 365 * DAY) }],
          note: { ...note, dateOfBirth: isoDay(now.getTime() - DAY) },
        },
        now,
      ),
    ).not.toThrow();
  });
});

describe('withNormalizedInput', () => {
  it('runs before the resolver, which never sees a refused value', async () => {
    const seen: unknown[] = [];
    const resolvers = withNormalizedInput(schema, {
      Query: { echo: (_: unknown, a: Record<string, unknown>) => (seen.push(a['id']), String(a['id'])) },
    }) as {
      Query: { echo: (s: unknown, a: unknown) => string };
    };
    const wired = buildSchema(`scalar Date scalar DateTime type Query { echo(id: ID): String }`);
    wired.getQueryType()!.getFields()['echo'].resolve = resolvers.Query.echo as never;
    const ok = await graphql({ schema: wired, source: '{ echo(id: "ABCDEF01-2345-4678-89AB-CDEF01234567") }' });
    expect(ok.data).toEqual({ echo: 'abcdef01-2345-4678-89ab-cdef01234567' });
    const bad = await graphql({ schema: wired, source: '{ echo(id: "nope") }' });
    expect(bad.errors?.[0].originalError).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'id' } });
    expect(seen).toEqual(['abcdef01-2345-4678-89ab-cdef01234567']);
    expect(DateScalar.name).toBe('Date');
    expect(DateTimeScalar.name).toBe('DateTime');
  });
});

describe('shortenQuoted', () => {
  it('cuts every long quoted run to an excerpt', () => {
    const message = shortenQuoted(`Variable "$input" got invalid value "${'a'.repeat(10_000)}" at "input.name"`);
    expect(message.length).toBeLessThan(150);
    expect(message).toContain('"input.name"');
  });
});
