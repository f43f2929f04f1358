/**
 * The search suite's small directory: five organizations, eleven services
 * with known places, hours, languages, ages and statuses around P (Monday
 * 2026-11-23 is in Atlantic Standard Time, UTC-4), written straight into the
 * tables of an empty database.
 */
import { demoId } from '@caseflow/demo';
import type { TestSubgraph } from '@caseflow/testing';
import { insertRows } from '../shared/insert-rows.sql';
import services from './search-services.json';
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
/** The services, as data (`search-services.json`, `org` naming a key of ORGS). */
export const SERVICES: Fixture[] = (
  services as Array<Omit<Fixture, 'org' | 'loc' | 'hours'> & { org: string; loc: string | null; hours: unknown[] }>
).map((service) => ({
  ...service,
  org: ORGS[service.org as keyof typeof ORGS],
  loc: service.loc as Fixture['loc'],
  hours: service.hours as Hours[],
}));
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
