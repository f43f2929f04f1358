/**
 * The checks of a client's address, household and demographics: each names
 * the field it refuses (BAD_USER_INPUT) and runs before anything is written.
 * Pure; "today" (the agency's day) is passed in.
 */
import { badInput, optionalText, requiredText, uuid } from '@caseflow/core';
import type { ClientAddressInput, DemographicsInput, HouseholdMemberInput } from './profile.inputs';
import type { HouseholdRelationship } from './profile.type';

export const LINE_MAX = 200;
export const PLACE_MAX = 100;
export const POSTAL_CODE_MAX = 20;
export const MEMBER_NAME_MAX = 100;
export const HOUSEHOLD_MAX = 30;
export const LANGUAGES_MAX = 10;
export const GENDER_IDENTITY_MAX = 100;
export const PRONOUNS_MAX = 50;
export const EDUCATION_MAX = 200;

export interface AddressValues {
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  country: string;
  latitude: number | null;
  longitude: number | null;
  noFixedAddress: boolean;
}

export interface MemberValues {
  id: string | null;
  firstName: string;
  lastName: string | null;
  relationship: HouseholdRelationship;
  dateOfBirth: string | null;
  dependent: boolean;
}

/** The fields of a demographics change that were given (a left-out field is absent: it stays as it was). */
export interface DemographicsChange {
  genderIdentity?: string | null;
  pronouns?: string | null;
  languages?: string[];
  interpreterNeeded?: boolean;
  education?: string | null;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** An ISO 3166-1 alpha-2 code (any case in, upper case out) that names a country or territory. */
export function countryCode(field: string, value: string): string {
  const code = requiredText(field, value, { max: 2 }).toUpperCase();
  if (!/^[A-Z]{2}$/.test(code) || code === 'ZZ' || regionNames.of(code) === code)
    throw badInput(field, 'must be an ISO 3166-1 alpha-2 country code, e.g. CA');
  return code;
}

function coordinate(field: string, value: number | null | undefined, limit: number): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || value < -limit || value > limit) throw badInput(field, `must be between -${limit} and ${limit}`);
  return value;
}

export function checkAddress(input: ClientAddressInput, field = 'address'): AddressValues {
  const latitude = coordinate(`${field}.latitude`, input.latitude, 90);
  const longitude = coordinate(`${field}.longitude`, input.longitude, 180);
  if ((latitude === null) !== (longitude === null))
    throw badInput(
      latitude === null ? `${field}.latitude` : `${field}.longitude`,
      'latitude and longitude go together: give both or neither',
    );
  return {
    line1: requiredText(`${field}.line1`, input.line1, { max: LINE_MAX }),
    line2: optionalText(`${field}.line2`, input.line2, { max: LINE_MAX }),
    city: requiredText(`${field}.city`, input.city, { max: PLACE_MAX }),
    region: optionalText(`${field}.region`, input.region, { max: PLACE_MAX }),
    postalCode: optionalText(`${field}.postalCode`, input.postalCode, { max: POSTAL_CODE_MAX }),
    country: countryCode(`${field}.country`, input.country),
    latitude,
    longitude,
    noFixedAddress: input.noFixedAddress ?? false,
  };
}

/** A household member's birth date: a real date, before the agency's today and not before 1900. */
function memberBirthDate(field: string, value: string | null | undefined, today: string): string | null {
  if (value === null || value === undefined) return null;
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value)
    throw badInput(field, 'must be a date, YYYY-MM-DD');
  if (value >= today) throw badInput(field, 'must be in the past');
  if (value < '1900-01-01') throw badInput(field, 'must be after 1900-01-01');
  return value;
}

/** The new household list, checked member by member (`members[i].field`); ids once each. */
export function checkHousehold(members: readonly HouseholdMemberInput[], today: string, field = 'members'): MemberValues[] {
  if (members.length > HOUSEHOLD_MAX) throw badInput(field, `must hold at most ${HOUSEHOLD_MAX} people`);
  const seen = new Set<string>();
  return members.map((member, i) => {
    const at = `${field}[${i}]`;
    const id = member.id === null || member.id === undefined ? null : uuid(`${at}.id`, member.id);
    if (id !== null) {
      if (seen.has(id)) throw badInput(`${at}.id`, 'is listed twice');
      seen.add(id);
    }
    return {
      id,
      firstName: requiredText(`${at}.firstName`, member.firstName, { max: MEMBER_NAME_MAX }),
      lastName: optionalText(`${at}.lastName`, member.lastName, { max: MEMBER_NAME_MAX }),
      relationship: member.relationship,
      dateOfBirth: memberBirthDate(`${at}.dateOfBirth`, member.dateOfBirth, today),
      dependent: member.dependent ?? false,
    };
  });
}

/** BCP 47 language tags in their canonical form (`en-us` → `en-US`), most preferred first, each once. */
export function languageTags(field: string, values: readonly string[]): string[] {
  if (values.length > LANGUAGES_MAX) throw badInput(field, `must hold at most ${LANGUAGES_MAX} languages`);
  const tags: string[] = [];
  values.forEach((value, i) => {
    const text = requiredText(`${field}[${i}]`, value, { max: 35 });
    let canonical: string;
    try {
      [canonical] = Intl.getCanonicalLocales(text);
    } catch {
      throw badInput(`${field}[${i}]`, "must be a BCP 47 language tag, e.g. 'fr' or 'pt-BR'");
    }
    if (!tags.includes(canonical)) tags.push(canonical);
  });
  return tags;
}

/** The given fields of a demographics change, checked; null clears a text, the list, or the interpreter flag. */
export function checkDemographics(input: DemographicsInput, field = 'input'): DemographicsChange {
  const change: DemographicsChange = {};
  if (input.genderIdentity !== undefined)
    change.genderIdentity = optionalText(`${field}.genderIdentity`, input.genderIdentity, { max: GENDER_IDENTITY_MAX });
  if (input.pronouns !== undefined) change.pronouns = optionalText(`${field}.pronouns`, input.pronouns, { max: PRONOUNS_MAX });
  if (input.languages !== undefined) change.languages = input.languages === null ? [] : languageTags(`${field}.languages`, input.languages);
  if (input.interpreterNeeded !== undefined) change.interpreterNeeded = input.interpreterNeeded ?? false;
  if (input.education !== undefined) change.education = optionalText(`${field}.education`, input.education, { max: EDUCATION_MAX });
  return change;
}
