import { readParams } from './params';

const url = (query: string) => new URL(`http://directory/hsds/services?${query}`);
const ALL = ['search', 'page', 'per_page', 'format', 'taxonomy_term_id', 'organization_id', 'modified_after', 'minimal', 'full', 'postcode', 'proximity'];
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
    const params = readParams(url('page=3&per_page=20&full=true&search=%20food%20&postcode=b3k%201a1&proximity=2500&modified_after=2026-01-01'), ALL);
    expect(params).toMatchObject({ page: 3, perPage: 20, full: true, filters: { search: 'food', postcode: 'b3k 1a1', proximityMeters: 2500, modifiedAfter: '2026-01-01' } });
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
});
