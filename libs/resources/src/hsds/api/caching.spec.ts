import { CACHE_CONTROL, etagOf, idsAndModified, lastModifiedToSend, notModified } from './caching';

const ID_A = '0b7c1f4e-8a0e-4a52-9d55-3a9b3a2f0c11';
const ID_B = '5d1e7d52-6f0a-4b8e-8f0e-7c5b1a4c2d22';

describe('HSDS answer validators', () => {
  it('tags the exact bytes: the same text the same strong tag, any change another', () => {
    const tag = etagOf('{"a":1}');
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(etagOf('{"a":1}')).toBe(tag);
    expect(etagOf('{"a":2}')).not.toBe(tag);
    expect(etagOf('{"a":1} ')).not.toBe(tag);
    expect(CACHE_CONTROL).toBe('private, no-cache');
  });

  it('answers If-None-Match first: the tag, a list holding it, a weak form of it, or *', () => {
    const tag = etagOf('x');
    const other = etagOf('y');
    expect(notModified({ 'if-none-match': tag }, tag, null)).toBe(true);
    expect(notModified({ 'if-none-match': `${other}, ${tag}` }, tag, null)).toBe(true);
    expect(notModified({ 'if-none-match': `W/${tag}` }, tag, null)).toBe(true);
    expect(notModified({ 'if-none-match': '*' }, tag, null)).toBe(true);
    expect(notModified({ 'if-none-match': other }, tag, null)).toBe(false);
    expect(notModified({ 'if-none-match': 'garbage' }, tag, null)).toBe(false);
    // A matching If-Modified-Since does not override a stale If-None-Match.
    const at = new Date(Date.UTC(2020, 0, 1, 12, 0, 0));
    expect(notModified({ 'if-none-match': other, 'if-modified-since': at.toUTCString() }, tag, at)).toBe(false);
  });

  it('answers If-Modified-Since to the second, only without If-None-Match and with a Last-Modified', () => {
    const tag = etagOf('x');
    const changed = new Date(Date.UTC(2020, 0, 1, 12, 0, 0, 400));
    expect(notModified({ 'if-modified-since': changed.toUTCString() }, tag, changed)).toBe(true);
    expect(notModified({ 'if-modified-since': new Date(changed.getTime() + 60_000).toUTCString() }, tag, changed)).toBe(true);
    expect(notModified({ 'if-modified-since': new Date(changed.getTime() - 1_000).toUTCString() }, tag, changed)).toBe(false);
    expect(notModified({ 'if-modified-since': 'not a date' }, tag, changed)).toBe(false);
    expect(notModified({ 'if-modified-since': changed.toUTCString() }, tag, null)).toBe(false);
    expect(notModified({}, tag, changed)).toBe(false);
  });

  it('sends no Last-Modified for a change within the current second', () => {
    const now = new Date(Date.UTC(2020, 0, 1, 12, 0, 5, 900));
    expect(lastModifiedToSend(new Date(Date.UTC(2020, 0, 1, 12, 0, 5, 100)), now)).toBeNull();
    const earlier = new Date(Date.UTC(2020, 0, 1, 12, 0, 4, 999));
    expect(lastModifiedToSend(earlier, now)).toBe(earlier);
    expect(lastModifiedToSend(null, now)).toBeNull();
  });

  it("finds every object's id and the newest last_modified, nested or listed", () => {
    const answer = {
      contents: [
        { id: ID_A, last_modified: '2020-01-01T12:00:00.000Z', phones: [{ id: ID_B, number: '1' }] },
        { id: 'not-a-uuid', last_modified: '2021-06-01T00:00:00Z' },
        { id: ID_A, last_modified: 'nonsense' },
      ],
    };
    expect(idsAndModified(answer)).toEqual({ ids: [ID_A, ID_B], newest: new Date('2021-06-01T00:00:00Z') });
    expect(idsAndModified({ version: '3.0.0' })).toEqual({ ids: [], newest: null });
  });
});
