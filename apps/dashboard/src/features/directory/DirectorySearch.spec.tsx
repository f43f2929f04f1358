import { EMPTY_SEARCH, type SearchForm, searchFromParams, searchInput, searchOrder, searchParams } from './DirectorySearch';
import { withQuery } from '../../lib/routes';

const OFFICE = { latitude: 44.65, longitude: -63.58 };
const paramsOf = (form: SearchForm) => new URL(withQuery('/directory', searchParams(form)), 'http://x').searchParams;

describe('the directory search in the address', () => {
  it('round-trips every field, leaving the defaults out', () => {
    const form: SearchForm = {
      text: 'Weekly Food Pantry',
      category: 'cat-1',
      subcategory: 'sub-1',
      near: 'anywhere',
      radiusKm: '25',
      openNow: true,
      sort: 'DISTANCE',
    };
    expect(withQuery('/directory', searchParams(form))).toBe(
      '/directory?q=Weekly+Food+Pantry&category=cat-1&sub=sub-1&near=anywhere&km=25&open=1&sort=distance',
    );
    expect(searchFromParams(paramsOf(form))).toEqual(form);
    expect(withQuery('/directory', searchParams(EMPTY_SEARCH))).toBe('/directory');
    expect(searchFromParams(new URLSearchParams())).toEqual(EMPTY_SEARCH);
  });

  it('falls back to the default for what it does not know, and drops a sub-category without its category', () => {
    const form = searchFromParams(new URLSearchParams('near=moon&km=7&sort=name&open=yes&sub=sub-1'));
    expect(form).toEqual(EMPTY_SEARCH);
  });

  it('asks for an order only when chosen, and never for nearest first without a point', () => {
    const now = new Date();
    const near = { ...EMPTY_SEARCH, sort: 'DISTANCE' as const };
    expect(searchOrder(near, searchInput(near, OFFICE, now))).toBe('DISTANCE');
    const anywhere = { ...near, near: 'anywhere' as const };
    expect(searchOrder(anywhere, searchInput(anywhere, OFFICE, now))).toBeNull();
    expect(searchOrder(EMPTY_SEARCH, searchInput(EMPTY_SEARCH, OFFICE, now))).toBeNull();
    const relevance = { ...anywhere, sort: 'RELEVANCE' as const };
    expect(searchOrder(relevance, searchInput(relevance, null, now))).toBe('RELEVANCE');
  });
});
