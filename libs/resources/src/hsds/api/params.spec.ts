import { readParams } from './params';

const url = (query: string) => new URL(`http://directory/hsds/services?${query}`);
const ALL = [
  'search',
  'page',
  'per_page',
  'format',
  'taxonomy_term_id',
  'organization_id',
  'modified_after',
  'minimal',
  'full',
  'postcode',
  'proximity',
];
const field = (query: string) => {
  try {
    readParams(url(query), ALL);
  } catch (error) {
    return (error as { details: { field: string } }).details.field;
  }
  return null;
};

describe('HSDS query parameters', () => {
  it('reads paging, flags and filters with their defaults', () => {
    expect(readParams(url(''), ALL)).toMatchObject({ page: 1, perPage: 50, format: 'json', full: false, minimal: false, filters: {} });
    const params = readParams(
      url('page=3&per_page=20&full=true&search=%20food%20&postcode=b3k%201a1&proximity=2500&modified_after=2026-01-01'),
      ALL,
    );
    expect(params).toMatchObject({
      page: 3,
      perPage: 20,
      full: true,
      filters: { search: 'food', postcode: 'b3k 1a1', proximityMeters: 2500, modifiedAfter: '2026-01-01' },
    });
    expect(readParams(url('minimal=true&per_page=1000'), ALL).perPage).toBe(1000);
  });

  it('refuses unknown, repeated and malformed parameters, naming them', () => {
    expect(field('color=red')).toBe('color');
    expect(field('page=1&page=2')).toBe('page');
    expect(field('per_page=101')).toBe('per_page');
    expect(field('page=-1')).toBe('page');
    expect(field('full=maybe')).toBe('full');
    expect(field('organization_id=42')).toBe('organization_id');
    expect(field('proximity=100')).toBe('proximity');
    expect(field('postcode=B3K&proximity=far')).toBe('proximity');
    expect(field('modified_after=last%20week')).toBe('modified_after');
    expect(field('format=csv')).toBe('format');
  });

  it.each([
    ['an impossible date', 'modified_after=2026-02-30', 'modified_after'],
    ['year 0', 'modified_after=0000-01-01', 'modified_after'],
    ['an instant on an impossible day', 'modified_after=2026-02-30T00:00:00Z', 'modified_after'],
    ['an offset of +99:99', 'modified_after=2026-01-01T00:00:00%2B99:99', 'modified_after'],
    ['NUL in a search', 'search=food%00', 'search'],
    ['a control character in a postcode', 'postcode=B3K%07', 'postcode'],
    ['a value of 10,000 characters', `search=${'a'.repeat(10_000)}`, 'search'],
  ])("refuses %s with a field-named BAD_USER_INPUT (the GraphQL inputs' rules)", (_, query, name) => {
    expect(field(query)).toBe(name);
  });

  it('quotes a long unknown parameter name only as an excerpt', () => {
    try {
      readParams(url(`${'p'.repeat(10_000)}=1`), ALL);
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(300);
      expect((error as { code: string }).code).toBe('BAD_USER_INPUT');
    }
  });

  it('reads a real modified_after instant as UTC', () => {
    expect(readParams(url('modified_after=2026-03-01T10:00:00%2B02:00'), ALL).filters.modifiedAfter).toBe('2026-03-01T08:00:00.000Z');
  });
});
