import { refusedField } from '@caseflow/testing';
import { checkAddress, checkDemographics, checkHousehold, countryCode, languageTags } from './profile.rules';

describe('the profile rules', () => {
  it('takes ISO 3166-1 alpha-2 codes of known countries in any case, and refuses the rest', () => {
    expect(countryCode('country', 'ca')).toBe('CA');
    expect(countryCode('country', ' FR ')).toBe('FR');
    for (const bad of ['XX', 'ZZ', 'CAN', 'C1', '']) expect(refusedField(() => countryCode('country', bad))).toBe('country');
  });

  it('keeps the point only whole: both coordinates or neither', () => {
    const base = { line1: '1 Main Street', city: 'Halifax', country: 'CA' };
    expect(checkAddress({ ...base, latitude: 0, longitude: 0 })).toMatchObject({ latitude: 0, longitude: 0, noFixedAddress: false });
    expect(checkAddress(base)).toMatchObject({ latitude: null, longitude: null, line2: null });
    expect(refusedField(() => checkAddress({ ...base, latitude: 10 }))).toBe('address.longitude');
    expect(refusedField(() => checkAddress({ ...base, longitude: 10 }))).toBe('address.latitude');
    expect(refusedField(() => checkAddress({ ...base, latitude: Number.NaN, longitude: 1 }))).toBe('address.latitude');
  });

  it('checks birth dates against the given day: the day itself is not in the past, the day before is', () => {
    const member = (dateOfBirth: string) => [{ firstName: 'Mira', relationship: 'CHILD' as const, dateOfBirth }];
    expect(checkHousehold(member('2020-03-14'), '2020-03-15')[0]).toMatchObject({ dateOfBirth: '2020-03-14', dependent: false, id: null });
    expect(refusedField(() => checkHousehold(member('2020-03-15'), '2020-03-15'))).toBe('members[0].dateOfBirth');
    expect(refusedField(() => checkHousehold(member('1899-12-31'), '2020-03-15'))).toBe('members[0].dateOfBirth');
  });

  it('refuses the same member id twice', () => {
    const id = '5b0e6c1a-9d4f-4c2e-8a1b-2f3c4d5e6f70';
    const twice = [
      { id, firstName: 'A', relationship: 'CHILD' as const },
      { id, firstName: 'B', relationship: 'CHILD' as const },
    ];
    expect(refusedField(() => checkHousehold(twice, '2020-03-15'))).toBe('members[1].id');
  });

  it('canonicalizes language tags, keeps the order given and each tag once', () => {
    expect(languageTags('languages', ['pt-br', 'EN', 'zh-hant-tw', 'en'])).toEqual(['pt-BR', 'en', 'zh-Hant-TW']);
    expect(refusedField(() => languageTags('languages', ['en', 'en_US!']))).toBe('languages[1]');
  });

  it('changes only the demographics fields given; null clears', () => {
    expect(checkDemographics({ pronouns: 'they/them' })).toEqual({ pronouns: 'they/them' });
    expect(checkDemographics({ languages: null, interpreterNeeded: null, education: null })).toEqual({
      languages: [],
      interpreterNeeded: false,
      education: null,
    });
    expect(checkDemographics({})).toEqual({});
  });
});
