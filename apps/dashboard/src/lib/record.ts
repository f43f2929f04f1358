/**
 * The client record in depth, as forms check it before sending: the address
 * (or where to reach someone with no fixed address), the household, what the
 * client said about themselves (languages as BCP 47 tags), the case team and
 * caseload transfers. The limits are the API's; the agency's day decides
 * whether a birth date is in the past.
 */
import { isIsoDate } from './dates';
import { type Errors, collect, maxLength, required } from './validation';
import { addDays, todayInZone } from './zone';

export interface AddressValues {
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  latitude: string;
  longitude: string;
  noFixedAddress: boolean;
}

export const EMPTY_ADDRESS: AddressValues = {
  line1: '',
  line2: '',
  city: '',
  region: '',
  postalCode: '',
  country: 'CA',
  latitude: '',
  longitude: '',
  noFixedAddress: false,
};

const blank = (v: string) => !v.trim();
const orNull = (v: string) => (v.trim() ? v.trim() : null);

function coordinate(value: string, limit: number, what: string): string | undefined {
  if (blank(value)) return undefined;
  const n = Number(value.trim());
  return Number.isFinite(n) && Math.abs(n) <= limit ? undefined : `Enter a ${what} between -${limit} and ${limit}.`;
}

export function addressErrors(v: AddressValues): Errors {
  const errors: Errors = collect({
    line1: [required(v.line1, v.noFixedAddress ? 'Where to reach the client' : 'The street address'), maxLength(v.line1, 200)],
    line2: [maxLength(v.line2, 200)],
    city: [required(v.city, 'The city'), maxLength(v.city, 100)],
    region: [maxLength(v.region, 100)],
    postalCode: [maxLength(v.postalCode, 20)],
    country: [
      required(v.country, 'The country'),
      blank(v.country) || /^[A-Za-z]{2}$/.test(v.country.trim()) ? undefined : 'Enter the two-letter country code, e.g. CA.',
    ],
    latitude: [coordinate(v.latitude, 90, 'latitude')],
    longitude: [coordinate(v.longitude, 180, 'longitude')],
  });
  if (!errors.latitude && !errors.longitude && blank(v.latitude) !== blank(v.longitude)) {
    errors[blank(v.latitude) ? 'latitude' : 'longitude'] = 'Give both the latitude and the longitude, or neither.';
  }
  return errors;
}

export function addressInput(v: AddressValues) {
  return {
    line1: v.line1.trim(),
    line2: orNull(v.line2),
    city: v.city.trim(),
    region: orNull(v.region),
    postalCode: orNull(v.postalCode),
    country: v.country.trim().toUpperCase(),
    latitude: blank(v.latitude) ? null : Number(v.latitude.trim()),
    longitude: blank(v.longitude) ? null : Number(v.longitude.trim()),
    noFixedAddress: v.noFixedAddress,
  };
}

export function addressValues(a: {
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode?: string | null;
  country: string;
  latitude?: number | null;
  longitude?: number | null;
  noFixedAddress: boolean;
}): AddressValues {
  return {
    line1: a.line1,
    line2: a.line2 ?? '',
    city: a.city,
    region: a.region ?? '',
    postalCode: a.postalCode ?? '',
    country: a.country,
    latitude: a.latitude === null || a.latitude === undefined ? '' : String(a.latitude),
    longitude: a.longitude === null || a.longitude === undefined ? '' : String(a.longitude),
    noFixedAddress: a.noFixedAddress,
  };
}

/** The address on one line, as a letter would have it. */
export function addressLine(a: {
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode?: string | null;
  country: string;
}): string {
  return [a.line1, a.line2, [a.city, a.region].filter(Boolean).join(', '), a.postalCode, a.country].filter(Boolean).join(', ');
}

export const MAX_HOUSEHOLD = 30;

export interface MemberValues {
  /** The member's id once saved; empty for a new one. */
  id: string;
  firstName: string;
  lastName: string;
  relationship: string;
  dateOfBirth: string;
  dependent: boolean;
}

export const EMPTY_MEMBER: MemberValues = { id: '', firstName: '', lastName: '', relationship: '', dateOfBirth: '', dependent: false };

/** A date of birth: a real date, before today on the agency's calendar, not before 1900. */
export function birthDate(value: string, zone: string, now: Date = new Date()): string | undefined {
  if (!value) return undefined;
  if (!isIsoDate(value)) return 'Enter a date.';
  if (value >= todayInZone(zone, now)) return 'The date of birth must be in the past.';
  if (value < '1900-01-01') return 'The date must be after 1900.';
  return undefined;
}

/** Errors keyed as the API names them: `members[2].firstName`. */
export function householdErrors(members: MemberValues[], zone: string, now: Date = new Date()): Errors {
  const errors: Errors = {};
  if (members.length > MAX_HOUSEHOLD) errors.members = `Keep at most ${MAX_HOUSEHOLD} household members.`;
  members.forEach((m, i) => {
    const found = collect({
      firstName: [required(m.firstName, 'The first name'), maxLength(m.firstName, 100)],
      lastName: [maxLength(m.lastName, 100)],
      relationship: [m.relationship ? undefined : 'Choose the relationship.'],
      dateOfBirth: [birthDate(m.dateOfBirth, zone, now)],
    });
    for (const [key, message] of Object.entries(found)) errors[`members[${i}].${key}`] = message;
  });
  return errors;
}

export function householdInput(members: MemberValues[]) {
  return members.map((m) => ({
    ...(m.id ? { id: m.id } : {}),
    firstName: m.firstName.trim(),
    lastName: orNull(m.lastName),
    relationship: m.relationship,
    dateOfBirth: m.dateOfBirth || null,
    dependent: m.dependent,
  }));
}

export const MAX_LANGUAGES = 10;

/** A BCP 47 tag in its canonical form ('EN-ca' → 'en-CA'), or null when it is not one. */
export function canonicalLanguage(tag: string): string | null {
  const text = tag.trim();
  if (!text) return null;
  try {
    return Intl.getCanonicalLocales(text)[0] ?? null;
  } catch {
    return null;
  }
}

/** The language's name in English when the browser knows it ('fr' → 'French'), else the tag. */
export function languageName(tag: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(tag);
    return name && name !== tag ? `${name} (${tag})` : tag;
  } catch {
    return tag;
  }
}

export interface DemographicsValues {
  genderIdentity: string;
  pronouns: string;
  languages: string[];
  interpreterNeeded: boolean;
  education: string;
}

export const EMPTY_DEMOGRAPHICS: DemographicsValues = {
  genderIdentity: '',
  pronouns: '',
  languages: [],
  interpreterNeeded: false,
  education: '',
};

export function demographicsErrors(v: DemographicsValues): Errors {
  const bad = v.languages.find((t) => canonicalLanguage(t) === null);
  const seen = new Set<string>();
  const twice = v.languages.find((t) => {
    const key = (canonicalLanguage(t) ?? t).toLowerCase();
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
  return collect({
    genderIdentity: [maxLength(v.genderIdentity, 100)],
    pronouns: [maxLength(v.pronouns, 50)],
    languages: [
      bad !== undefined ? `“${bad}” is not a language tag; use tags like fr, en-CA or ar.` : undefined,
      twice !== undefined ? `“${twice}” is listed twice.` : undefined,
      v.languages.length > MAX_LANGUAGES ? `List at most ${MAX_LANGUAGES} languages.` : undefined,
    ],
    education: [maxLength(v.education, 200)],
  });
}

export function demographicsInput(v: DemographicsValues) {
  return {
    genderIdentity: orNull(v.genderIdentity),
    pronouns: orNull(v.pronouns),
    languages: v.languages.map((t) => canonicalLanguage(t) ?? t),
    interpreterNeeded: v.interpreterNeeded,
    education: orNull(v.education),
  };
}

/** A case team member's last day: optional, and when given, from today to two years ahead on the agency's calendar (the API's rule). */
export function untilDate(value: string, zone: string, now: Date = new Date()): string | undefined {
  if (!value) return undefined;
  if (!isIsoDate(value)) return 'Enter a date.';
  const today = todayInZone(zone, now);
  return value >= today && value <= addDays(today, 730) ? undefined : 'Choose a day between today and two years ahead.';
}

export interface TransferValues {
  fromStaffMemberId: string;
  toStaffMemberId: string;
  /** Every open client when true; else the ids picked. */
  all: boolean;
  clientIds: string[];
  reason: string;
}

export function transferErrors(v: TransferValues): Errors {
  return collect({
    fromStaffMemberId: [v.fromStaffMemberId ? undefined : 'Choose whose clients move.'],
    toStaffMemberId: [
      v.toStaffMemberId ? undefined : 'Choose the case manager who takes them.',
      v.toStaffMemberId && v.toStaffMemberId === v.fromStaffMemberId ? 'Choose another case manager than the one they leave.' : undefined,
    ],
    clientIds: [v.all || v.clientIds.length ? undefined : 'Pick at least one client, or move every open client.'],
    reason: [required(v.reason, 'The reason'), maxLength(v.reason, 2000)],
  });
}

/** 1536 → "1.5 KB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
}
