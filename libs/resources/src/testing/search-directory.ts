/**
 * The search suite's small directory: five organizations, eleven services
 * with known places, hours, languages, ages and statuses around P (Monday
 * 2026-11-23 is in Atlantic Standard Time, UTC-4), written straight into the
 * tables of an empty database.
 */
import { demoId } from '@caseflow/demo';
import type { TestSubgraph } from '@caseflow/testing';
import { insertRows } from '../shared/insert-rows.sql';
import { OPEN_ELIGIBILITY, openEligibilityTermId, openEligibilityTerms, readOpenEligibilityCsv } from '../taxonomy/open-eligibility';

export const P = { latitude: 44.65, longitude: -63.58 };
const KM_LAT = 1 / 111.32;
const KM_LON = 1 / (111.32 * Math.cos((P.latitude * Math.PI) / 180));
const id = (kind: string, key: string) => demoId(`search-test:${kind}`, key);

const ORGS = {
  food: id('org', 'food'),
  shelter: id('org', 'shelter'),
  legal: id('org', 'legal'),
  valley: id('org', 'valley'),
  coach: id('org', 'coach'),
};
const LOC = {
  north1: { id: id('loc', 'north1'), lat: P.latitude + KM_LAT, lon: P.longitude },
  east3: { id: id('loc', 'east3'), lat: P.latitude, lon: P.longitude + 3 * KM_LON },
  south2: { id: id('loc', 'south2'), lat: P.latitude - 2 * KM_LAT, lon: P.longitude },
  west8: { id: id('loc', 'west8'), lat: P.latitude, lon: P.longitude - 8 * KM_LON },
  far60: { id: id('loc', 'far60'), lat: P.latitude + 60 * KM_LAT, lon: P.longitude },
};
export type Hours = [byday: string, opens: string | null, closes: string | null, freq?: string];
export interface Fixture {
  key: string;
  org: string;
  name: string;
  description: string;
  status?: string;
  term: string;
  loc: keyof typeof LOC | null;
  hours: Hours[];
  languages: string[];
  min?: number;
  max?: number;
}
export const SERVICES: Fixture[] = [
  {
    key: 'pantry',
    org: ORGS.food,
    name: 'Weekly Grocery Pantry',
    description: 'Free groceries every weekday.',
    term: '1130',
    loc: 'north1',
    hours: [['MO,TU,WE,TH,FR', '09:00', '17:00']],
    languages: ['en', 'fr'],
  },
  {
    key: 'supper',
    org: ORGS.food,
    name: 'Hot Supper Program',
    description: 'A warm supper every evening.',
    term: '1131',
    loc: 'east3',
    hours: [['MO,TU,WE,TH,FR,SA,SU', '17:00', '19:00']],
    languages: ['en'],
  },
  {
    key: 'shelter',
    org: ORGS.shelter,
    name: 'Overnight Shelter',
    description: 'Beds on Friday and Saturday nights.',
    term: '1121',
    loc: 'south2',
    hours: [['FR,SA', '21:00', '08:00']],
    languages: ['en', 'ar'],
    min: 19,
  },
  {
    key: 'legal',
    org: ORGS.legal,
    name: 'Youth Legal Advice',
    description: 'Legal advice for young people.',
    term: '1375',
    loc: 'west8',
    hours: [['MO,WE', '10:00', '16:00']],
    languages: ['en', 'fr'],
    min: 12,
    max: 24,
  },
  {
    key: 'inactive',
    org: ORGS.food,
    name: 'Old Pantry Annex',
    description: 'Groceries pantry, no longer running.',
    status: 'inactive',
    term: '1130',
    loc: 'north1',
    hours: [['MO', '09:00', '17:00']],
    languages: ['en'],
  },
  {
    key: 'defunct',
    org: ORGS.food,
    name: 'Former Meals Pantry',
    description: 'Closed for good.',
    status: 'defunct',
    term: '1131',
    loc: 'east3',
    hours: [],
    languages: ['en'],
  },
  {
    key: 'closed',
    org: ORGS.food,
    name: 'Renovation Pantry',
    description: 'Pantry closed while the hall is renovated.',
    status: 'temporarily closed',
    term: '1130',
    loc: 'north1',
    hours: [['MO,TU,WE,TH,FR', '09:00', '17:00']],
    languages: ['en'],
  },
  {
    key: 'coaching',
    org: ORGS.coach,
    name: 'Budget Coaching by Phone',
    description: 'Money coaching over the phone.',
    term: '1262',
    loc: null,
    hours: [['TU', '18:00', '20:00']],
    languages: ['en'],
  },
  {
    key: 'taxes',
    org: ORGS.legal,
    name: 'Monthly Tax Clinic',
    description: 'Volunteers file tax returns.',
    term: '1270',
    loc: 'south2',
    hours: [['1WE', '10:00', '14:00', 'MONTHLY']],
    languages: ['en'],
  },
  {
    key: 'valley',
    org: ORGS.valley,
    name: 'Valley Pantry',
    description: 'Groceries for the valley.',
    term: '1130',
    loc: 'far60',
    hours: [['SA', '09:00', '12:00']],
    languages: ['en'],
  },
  {
    key: 'unknownHours',
    org: ORGS.shelter,
    name: 'Outreach Van',
    description: 'A van with blankets and food.',
    term: '1121',
    loc: 'east3',
    hours: [],
    languages: ['en'],
  },
];
export const S = Object.fromEntries(SERVICES.map((s) => [s.key, id('service', s.key)])) as Record<string, string>;
export const nameOf = new Map(SERVICES.map((s) => [S[s.key], s.name]));

export async function seedSearchDirectory(t: TestSubgraph): Promise<void> {
  const terms = openEligibilityTerms(readOpenEligibilityCsv());
  await t.subgraph.database.dataSource.transaction(async (tx) => {
    await insertRows(
      tx,
      'taxonomy',
      ['id', 'name', 'description'],
      [[OPEN_ELIGIBILITY.id, OPEN_ELIGIBILITY.name, OPEN_ELIGIBILITY.description]],
    );
    await insertRows(
      tx,
      'taxonomy_term',
      ['id', 'taxonomy_id', 'code', 'name', 'parent_id'],
      terms.map((term) => [term.id, OPEN_ELIGIBILITY.id, term.code, term.name, term.parentId]),
    );
    await insertRows(
      tx,
      'organization',
      ['id', 'name', 'description'],
      [
        [ORGS.food, 'Gull Harbour Food Bank', 'The neighbourhood food bank.'],
        [ORGS.shelter, 'Beacon Shelter Society', 'Shelter and outreach.'],
        [ORGS.legal, 'Lantern Legal Clinic', 'Free legal help.'],
        [ORGS.valley, 'Valley Food Bank', 'A rural food bank.'],
        [ORGS.coach, 'Money Mentors', 'Financial coaching.'],
      ],
    );
    await insertRows(
      tx,
      'location',
      ['id', 'organization_id', 'name', 'location_type', 'latitude', 'longitude'],
      Object.entries(LOC).map(([key, l]) => [l.id, ORGS.food, key, 'physical', l.lat, l.lon]),
    );
    await insertRows(
      tx,
      'service',
      ['id', 'organization_id', 'name', 'description', 'status', 'minimum_age', 'maximum_age'],
      SERVICES.map((s) => [S[s.key], s.org, s.name, s.description, s.status ?? 'active', s.min ?? null, s.max ?? null]),
    );
    const located = SERVICES.filter((s) => s.loc);
    await insertRows(
      tx,
      'service_at_location',
      ['id', 'service_id', 'location_id'],
      located.map((s) => [id('sal', s.key), S[s.key], LOC[s.loc as keyof typeof LOC].id]),
    );
    await insertRows(
      tx,
      'schedule',
      ['id', 'service_id', 'service_at_location_id', 'freq', 'byday', 'opens_at', 'closes_at', 'timezone'],
      SERVICES.flatMap((s) =>
        s.hours.map(([byday, opens, closes, freq], i) => [
          id('schedule', `${s.key}:${i}`),
          s.loc ? null : S[s.key],
          s.loc ? id('sal', s.key) : null,
          freq ?? 'WEEKLY',
          byday,
          opens,
          closes,
          'America/Halifax',
        ]),
      ),
    );
    await insertRows(
      tx,
      'language',
      ['id', 'service_id', 'name', 'code'],
      SERVICES.flatMap((s) =>
        s.languages.map((code) => [
          id('language', `${s.key}:${code}`),
          S[s.key],
          { en: 'English', fr: 'French', ar: 'Arabic' }[code],
          code,
        ]),
      ),
    );
    await insertRows(
      tx,
      'attribute',
      ['id', 'link_id', 'link_type', 'link_entity', 'taxonomy_term_id'],
      SERVICES.map((s) => [id('attribute', s.key), S[s.key], 'service', 'service', openEligibilityTermId(s.term)]),
    );
  });
}
