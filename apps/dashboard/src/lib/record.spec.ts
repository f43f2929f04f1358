import {
  EMPTY_ADDRESS,
  EMPTY_DEMOGRAPHICS,
  EMPTY_MEMBER,
  addressErrors,
  addressInput,
  addressLine,
  addressValues,
  birthDate,
  canonicalLanguage,
  demographicsErrors,
  demographicsInput,
  formatBytes,
  householdErrors,
  householdInput,
  transferErrors,
  untilDate,
} from './record';
import { addDays, todayInZone } from './zone';

const ZONE = 'America/Halifax';
const DAY = 86_400_000;

describe('the address form', () => {
  const filled = { ...EMPTY_ADDRESS, line1: '12 Water St', city: 'Halifax', region: 'NS', postalCode: 'B3H 1A1', country: 'ca' };

  it('needs the first line, the city and a two-letter country, within the API’s lengths', () => {
    expect(addressErrors(filled)).toEqual({});
    expect(addressErrors(EMPTY_ADDRESS)).toEqual({ line1: 'The street address is required.', city: 'The city is required.' });
    expect(addressErrors({ ...filled, noFixedAddress: true, line1: ' ' }).line1).toBe('Where to reach the client is required.');
    expect(addressErrors({ ...filled, country: 'CAN' }).country).toBe('Enter the two-letter country code, e.g. CA.');
    expect(addressErrors({ ...filled, line1: 'x'.repeat(201), city: 'y'.repeat(101), postalCode: 'z'.repeat(21) })).toEqual({
      line1: 'Use at most 200 characters.',
      city: 'Use at most 100 characters.',
      postalCode: 'Use at most 20 characters.',
    });
  });

  it('takes both coordinates or neither, in range', () => {
    expect(addressErrors({ ...filled, latitude: '44.65', longitude: '-63.57' })).toEqual({});
    expect(addressErrors({ ...filled, latitude: '44.65' })).toEqual({ longitude: 'Give both the latitude and the longitude, or neither.' });
    expect(addressErrors({ ...filled, longitude: '-63.57' })).toEqual({
      latitude: 'Give both the latitude and the longitude, or neither.',
    });
    expect(addressErrors({ ...filled, latitude: '91', longitude: 'east' })).toEqual({
      latitude: 'Enter a latitude between -90 and 90.',
      longitude: 'Enter a longitude between -180 and 180.',
    });
  });

  it('sends trimmed values, nulls for blanks, the country in capitals and numbers for the point; reads an address back', () => {
    const input = addressInput({ ...filled, line2: '  ', latitude: ' 44.65 ', longitude: '-63.57' });
    expect(input).toEqual({
      line1: '12 Water St',
      line2: null,
      city: 'Halifax',
      region: 'NS',
      postalCode: 'B3H 1A1',
      country: 'CA',
      latitude: 44.65,
      longitude: -63.57,
      noFixedAddress: false,
    });
    expect(addressValues(input)).toEqual({ ...filled, country: 'CA', latitude: '44.65', longitude: '-63.57' });
    expect(addressLine(input)).toBe('12 Water St, Halifax, NS, B3H 1A1, CA');
  });
});

describe('the household form', () => {
  const now = new Date();
  const today = todayInZone(ZONE, now);

  it('names each problem by the member’s index, as the API does', () => {
    const members = [
      { ...EMPTY_MEMBER, id: 'm1', firstName: 'Ana', relationship: 'CHILD', dateOfBirth: addDays(today, -3000), dependent: true },
      { ...EMPTY_MEMBER, firstName: ' ', relationship: '', dateOfBirth: today },
      { ...EMPTY_MEMBER, firstName: 'x'.repeat(101), relationship: 'OTHER', dateOfBirth: '1899-12-31' },
    ];
    expect(householdErrors(members, ZONE, now)).toEqual({
      'members[1].firstName': 'The first name is required.',
      'members[1].relationship': 'Choose the relationship.',
      'members[1].dateOfBirth': 'The date of birth must be in the past.',
      'members[2].firstName': 'Use at most 100 characters.',
      'members[2].dateOfBirth': 'The date must be after 1900.',
    });
    expect(
      householdErrors(
        Array.from({ length: 31 }, () => ({ ...EMPTY_MEMBER, firstName: 'A', relationship: 'OTHER' })),
        ZONE,
        now,
      ).members,
    ).toBe('Keep at most 30 household members.');
  });

  it('keeps the ids of known members and leaves them out for new ones', () => {
    const input = householdInput([
      { id: 'm1', firstName: ' Ana ', lastName: '', relationship: 'CHILD', dateOfBirth: '2015-04-02', dependent: true },
      { ...EMPTY_MEMBER, firstName: 'Luis', relationship: 'PARTNER' },
    ]);
    expect(input).toEqual([
      { id: 'm1', firstName: 'Ana', lastName: null, relationship: 'CHILD', dateOfBirth: '2015-04-02', dependent: true },
      { firstName: 'Luis', lastName: null, relationship: 'PARTNER', dateOfBirth: null, dependent: false },
    ]);
  });

  it('decides "in the past" on the agency’s calendar, not the browser’s', () => {
    // 02:30 UTC is still the evening before in Halifax (UTC-3 or -4) and already that day in Tokyo.
    const at = new Date(Date.now() + 400 * DAY);
    at.setUTCHours(2, 30, 0, 0);
    const utcDay = at.toISOString().slice(0, 10);
    expect(birthDate(utcDay, 'UTC', at)).toBe('The date of birth must be in the past.');
    expect(birthDate(utcDay, ZONE, at)).toBe('The date of birth must be in the past.');
    expect(birthDate(addDays(utcDay, -1), ZONE, at)).toBe('The date of birth must be in the past.');
    expect(birthDate(addDays(utcDay, -1), 'UTC', at)).toBeUndefined();
    expect(birthDate('2001-02-30', ZONE, at)).toBe('Enter a date.');
  });
});

describe('demographics', () => {
  it('takes BCP 47 tags in their canonical form, each once, at most ten', () => {
    expect(canonicalLanguage('EN-ca')).toBe('en-CA');
    expect(canonicalLanguage('zh-hant')).toBe('zh-Hant');
    expect(canonicalLanguage('en_CA')).toBeNull();
    expect(canonicalLanguage('e')).toBeNull();
    expect(demographicsErrors({ ...EMPTY_DEMOGRAPHICS, languages: ['fr', 'en-CA'] })).toEqual({});
    expect(demographicsErrors({ ...EMPTY_DEMOGRAPHICS, languages: ['fr', 'not a tag'] }).languages).toBe(
      '“not a tag” is not a language tag; use tags like fr, en-CA or ar.',
    );
    expect(demographicsErrors({ ...EMPTY_DEMOGRAPHICS, languages: ['fr', 'FR'] }).languages).toBe('“FR” is listed twice.');
    const eleven = ['en', 'fr', 'ar', 'es', 'de', 'it', 'pt', 'zh', 'ja', 'ko', 'so'];
    expect(demographicsErrors({ ...EMPTY_DEMOGRAPHICS, languages: eleven }).languages).toBe('List at most 10 languages.');
  });

  it('keeps the API’s lengths and sends nulls for blanks', () => {
    expect(
      demographicsErrors({ ...EMPTY_DEMOGRAPHICS, genderIdentity: 'x'.repeat(101), pronouns: 'y'.repeat(51), education: 'z'.repeat(201) }),
    ).toEqual({
      genderIdentity: 'Use at most 100 characters.',
      pronouns: 'Use at most 50 characters.',
      education: 'Use at most 200 characters.',
    });
    expect(
      demographicsInput({ genderIdentity: ' Woman ', pronouns: '', languages: ['EN-ca'], interpreterNeeded: true, education: '' }),
    ).toEqual({
      genderIdentity: 'Woman',
      pronouns: null,
      languages: ['en-CA'],
      interpreterNeeded: true,
      education: null,
    });
  });
});

describe('the case team and transfers', () => {
  it('takes a last day from today to two years ahead on the agency’s calendar', () => {
    const now = new Date();
    const today = todayInZone(ZONE, now);
    expect(untilDate('', ZONE, now)).toBeUndefined();
    expect(untilDate(today, ZONE, now)).toBeUndefined();
    expect(untilDate(addDays(today, 730), ZONE, now)).toBeUndefined();
    expect(untilDate(addDays(today, -1), ZONE, now)).toBe('Choose a day between today and two years ahead.');
    expect(untilDate(addDays(today, 731), ZONE, now)).toBe('Choose a day between today and two years ahead.');
  });

  it('needs two different case managers, clients (or all) and a reason', () => {
    const ok = { fromStaffMemberId: 'a', toStaffMemberId: 'b', all: false, clientIds: ['c1'], reason: 'Casey is on leave' };
    expect(transferErrors(ok)).toEqual({});
    expect(transferErrors({ ...ok, clientIds: [], all: true })).toEqual({});
    expect(transferErrors({ fromStaffMemberId: '', toStaffMemberId: '', all: false, clientIds: [], reason: ' ' })).toEqual({
      fromStaffMemberId: 'Choose whose clients move.',
      toStaffMemberId: 'Choose the case manager who takes them.',
      clientIds: 'Pick at least one client, or move every open client.',
      reason: 'The reason is required.',
    });
    expect(transferErrors({ ...ok, toStaffMemberId: 'a' }).toStaffMemberId).toBe('Choose another case manager than the one they leave.');
  });

  it('writes sizes for people', () => {
    expect(formatBytes(900)).toBe('900 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
  });
});
