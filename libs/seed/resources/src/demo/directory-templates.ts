/**
 * The invented agencies and services the demo directory is generated from.
 * Each kind of agency offers a few kinds of service; each service kind has a
 * description, Open Eligibility categories, who it is for and its usual
 * opening hours. All names are invented.
 */
import kinds from './directory-kinds.json';

/** Opening hours as HSDS schedule rows (iCal rules); several rows add up. */
export interface HoursRule {
  freq: 'WEEKLY' | 'MONTHLY';
  byday: string | null;
  opensAt: string | null;
  closesAt: string | null;
  description: string;
}

const weekly = (byday: string | null, opensAt: string | null, closesAt: string | null, description: string): HoursRule => ({
  freq: 'WEEKLY',
  byday,
  opensAt,
  closesAt,
  description,
});

const EVERY_DAY = 'MO,TU,WE,TH,FR,SA,SU';

/** Gives each record its key in `records` as `key`, keeping their order. */
function keyed<T>(records: Record<string, T>): Record<string, T & { key: string }> {
  return Object.fromEntries(Object.entries(records).map(([key, record]) => [key, { key, ...record }]));
}

/** Kinds of opening hours, by key; several rules add up. */
export const HOURS: Record<string, HoursRule[]> = {
  office: [weekly('MO,TU,WE,TH,FR', '09:00', '17:00', 'Monday to Friday, 9 am to 5 pm')],
  early: [weekly('MO,TU,WE,TH,FR', '08:30', '16:30', 'Monday to Friday, 8:30 am to 4:30 pm')],
  extended: [
    weekly('MO,TU,WE,TH', '09:00', '20:00', 'Monday to Thursday, 9 am to 8 pm'),
    weekly('FR', '09:00', '17:00', 'Friday, 9 am to 5 pm'),
  ],
  evenings: [weekly('TU,TH', '17:00', '20:30', 'Tuesday and Thursday evenings, 5 to 8:30 pm')],
  weekend: [weekly('SA,SU', '10:00', '14:00', 'Saturday and Sunday, 10 am to 2 pm')],
  pantry: [
    weekly('TU,TH', '10:00', '14:00', 'Tuesday and Thursday, 10 am to 2 pm'),
    weekly('WE', '17:00', '20:00', 'Wednesday evening, 5 to 8 pm'),
    weekly('SA', '09:00', '12:00', 'Saturday morning, 9 am to noon'),
  ],
  alternate: [weekly('MO,WE,FR', '10:00', '16:00', 'Monday, Wednesday and Friday, 10 am to 4 pm (closed Tuesday and Thursday)')],
  meals: [
    weekly('MO,TU,WE,TH,FR', '11:30', '13:30', 'Lunch on weekdays, 11:30 am to 1:30 pm'),
    weekly(EVERY_DAY, '17:00', '19:00', 'Supper every day, 5 to 7 pm'),
  ],
  overnight: [weekly(EVERY_DAY, '21:00', '08:00', 'Every night, 9 pm to 8 am')],
  lateNight: [weekly('TH,FR,SA', '20:00', '02:00', 'Thursday to Saturday, 8 pm to 2 am')],
  allDay: [weekly(EVERY_DAY, null, null, 'Open 24 hours, every day')],
  monthly: [
    {
      freq: 'MONTHLY',
      byday: '1WE,3WE',
      opensAt: '10:00',
      closesAt: '14:00',
      description: 'First and third Wednesday of the month, 10 am to 2 pm',
    },
  ],
};

export interface ServiceKind {
  /** Its key in SERVICE_KINDS. */
  key: string;
  name: string;
  description: string;
  codes: string[];
  /** Keys of HOURS. */
  hours: string[];
  eligibility?: string;
  minimumAge?: number;
  maximumAge?: number;
  fees?: string;
  application?: string;
}

/**
 * The kinds of service and of agency are data (`directory-kinds.json`);
 * every hours and service key they name is checked when the module loads.
 */
export const SERVICE_KINDS: Record<string, ServiceKind> = keyed<Omit<ServiceKind, 'key'>>(kinds.serviceKinds);

export interface AgencyKind {
  /** Its key in AGENCY_KINDS. */
  key: string;
  /** `{area}` is replaced by the neighbourhood. */
  name: string;
  description: string;
  /** Keys of SERVICE_KINDS. */
  services: string[];
}

/** Kinds of agency, in the order the generator cycles through them. */
export const AGENCY_KINDS: AgencyKind[] = Object.values(keyed<Omit<AgencyKind, 'key'>>(kinds.agencyKinds));

checkKeys(
  'hours',
  Object.values(SERVICE_KINDS).flatMap((kind) => kind.hours),
  HOURS,
);
checkKeys(
  'service',
  AGENCY_KINDS.flatMap((kind) => kind.services),
  SERVICE_KINDS,
);

/** Throws naming the first of `keys` that `known` does not have. */
function checkKeys(what: string, keys: readonly string[], known: Record<string, unknown>): void {
  const unknown = keys.find((key) => !(key in known));
  if (unknown !== undefined) throw new Error(`directory-kinds.json names an unknown ${what} kind: ${unknown}`);
}

export const AREAS = [
  'Harbourview',
  'Northgate',
  'Eastbank',
  'Westmount',
  'Bayside',
  'Millbrook',
  'Cedar Hill',
  'Fairhaven',
  'Riverside',
  'Old Town',
  'Lakeside',
  'Kingsway',
  'Ferry Point',
  'Maple Ridge',
  'Southport',
  'Brookfield',
  'Pine Hollow',
  'Market Square',
  'Stonebridge',
  'Seaview',
];

export const STREETS = [
  'Harbour',
  'Barrington',
  'Gottingen',
  'Agricola',
  'Quinpool',
  'Robie',
  'Chebucto',
  'Portland',
  'Windmill',
  'Pleasant',
  'Main',
  'Victoria',
  'Prince',
  'Wyse',
  'Lady Hammond',
];

/** Languages besides English, with how often a service offers each. */
export const LANGUAGES: Array<{ name: string; code: string; share: number }> = [
  { name: 'French', code: 'fr', share: 0.3 },
  { name: 'Arabic', code: 'ar', share: 0.12 },
  { name: 'Mandarin', code: 'zh', share: 0.08 },
  { name: 'Spanish', code: 'es', share: 0.08 },
  { name: "Mi'kmaq", code: 'mic', share: 0.05 },
];
