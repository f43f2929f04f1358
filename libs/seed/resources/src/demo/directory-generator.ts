import { demoId, random } from '@caseflow/demo';
import { AGENCY_KINDS, AREAS, HOURS, LANGUAGES, SERVICE_KINDS, STREETS } from './directory-templates';

/** Rows for one table, ready for `insertRows`. */
export interface TableRows {
  table: string;
  columns: readonly string[];
  rows: unknown[][];
}

export interface DirectoryOptions {
  /** Namespaces the generated ids, so that two generated directories never collide. */
  key: string;
  organizations: number;
  services: number;
  locations: number;
  center: { latitude: number; longitude: number };
  radiusKm: number;
  seed: number;
  /** Open Eligibility code → term id. */
  termId: (code: string) => string;
  timezone: string;
  city: { city: string; stateProvince: string; country: string };
}

const KM_PER_DEGREE = 111.32;
// Pairs (area, agency kind) repeat only after this many organizations; 3 is coprime with the cycle, so every pair is used once per cycle.
const CYCLE = AREAS.length * AGENCY_KINDS.length;

/** Spreads `total` items over `slots` as evenly as possible: how many the slot at `index` gets. */
function share(total: number, slots: number, index: number): number {
  return Math.floor(((index + 1) * total) / slots) - Math.floor((index * total) / slots);
}

/**
 * A deterministic directory of invented agencies around a point: each
 * organization a kind of agency in a neighbourhood, with its locations
 * (physical, with an address), services (categories, languages, ages,
 * a few inactive, defunct or temporarily closed), services at locations and
 * their opening hours (weekdays, evenings, weekends, overnight, 24 hours,
 * monthly), and phones. The same options always give the same rows.
 */
export function generateDirectory(options: DirectoryOptions): TableRows[] {
  const rnd = random(options.seed);
  const id = (kind: string, key: string | number) => demoId(`${options.key}:${kind}`, key);
  const organizations: unknown[][] = [];
  const locations: unknown[][] = [];
  const addresses: unknown[][] = [];
  const services: unknown[][] = [];
  const serviceAtLocations: unknown[][] = [];
  const schedules: unknown[][] = [];
  const languages: unknown[][] = [];
  const attributes: unknown[][] = [];
  const phones: unknown[][] = [];
  let serviceCount = 0;

  for (let o = 0; o < options.organizations; o += 1) {
    const c = o % CYCLE;
    const round = Math.floor(o / CYCLE);
    const area = AREAS[c % AREAS.length];
    const agency = AGENCY_KINDS[(c + 3 * Math.floor(c / AREAS.length)) % AGENCY_KINDS.length];
    const orgName = agency.name.replace('{area}', area) + (round > 0 ? ` ${round + 1}` : '');
    const orgId = id('organization', o);
    const slug = orgName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    organizations.push([
      orgId,
      orgName,
      `${agency.description} Serving ${area} and the surrounding neighbourhoods.`,
      `info@${slug}.example`,
      `https://${slug}.example`,
    ]);
    phones.push([
      id('phone', `organization:${o}`),
      orgId,
      null,
      `+1 902-555-${String(1000 + (o % 9000)).padStart(4, '0')}`,
      'voice',
      'Main line',
    ]);

    const locationIds: string[] = [];
    const locationCount = Math.max(1, share(options.locations, options.organizations, o));
    for (let l = 0; l < locationCount; l += 1) {
      const locationId = id('location', `${o}:${l}`);
      locationIds.push(locationId);
      const angle = 2 * Math.PI * rnd();
      const distance = options.radiusKm * Math.pow(rnd(), 0.7);
      const latitude = options.center.latitude + (distance * Math.cos(angle)) / KM_PER_DEGREE;
      const longitude =
        options.center.longitude + (distance * Math.sin(angle)) / (KM_PER_DEGREE * Math.cos((options.center.latitude * Math.PI) / 180));
      locations.push([
        locationId,
        orgId,
        l === 0 ? orgName : `${orgName} — ${AREAS[(c + l * 7) % AREAS.length]} site`,
        'physical',
        round6(latitude),
        round6(longitude),
      ]);
      const street = STREETS[Math.floor(rnd() * STREETS.length)];
      const letters = 'ABCEGHJKLMNPRSTVWXYZ';
      const postal = `B3${letters[Math.floor(rnd() * 20)]} ${Math.floor(rnd() * 10)}${letters[Math.floor(rnd() * 20)]}${Math.floor(rnd() * 10)}`;
      addresses.push([
        id('address', `${o}:${l}`),
        locationId,
        `${10 + Math.floor(rnd() * 2990)} ${street} Street`,
        options.city.city,
        options.city.stateProvince,
        postal,
        options.city.country,
        'physical',
      ]);
    }

    const servicesHere = share(options.services, options.organizations, o);
    for (let s = 0; s < servicesHere; s += 1) {
      const kind = SERVICE_KINDS[agency.services[s % agency.services.length]];
      const serviceId = id('service', `${o}:${s}`);
      const n = serviceCount;
      serviceCount += 1;
      const status = n % 53 === 52 ? 'defunct' : n % 41 === 40 ? 'temporarily closed' : n % 29 === 28 ? 'inactive' : 'active';
      const name = `${kind.name}${s >= agency.services.length ? ` ${Math.floor(s / agency.services.length) + 1}` : ''}`;
      services.push([
        serviceId,
        orgId,
        name,
        `${kind.description} Offered by ${orgName}.`,
        status,
        kind.eligibility ?? null,
        kind.minimumAge ?? null,
        kind.maximumAge ?? null,
        kind.fees ?? 'Free',
        kind.application ?? 'Walk in or call.',
        `https://${slug}.example/${kind.key.toLowerCase()}`,
      ]);
      for (const code of kind.codes)
        attributes.push([id('attribute', `${o}:${s}:${code}`), serviceId, 'service', 'service', options.termId(code)]);

      languages.push([id('language', `${o}:${s}:en`), serviceId, 'English', 'en']);
      for (const language of LANGUAGES) {
        if (rnd() < language.share) languages.push([id('language', `${o}:${s}:${language.code}`), serviceId, language.name, language.code]);
      }
      if (s % 4 === 1)
        phones.push([
          id('phone', `service:${o}:${s}`),
          null,
          serviceId,
          `+1 902-555-${String(2000 + (n % 8000)).padStart(4, '0')}`,
          'voice',
          `${name} line`,
        ]);

      // Every service is at one of its organization's locations; every third is also at the next one.
      const at = [locationIds[s % locationIds.length]];
      if (s % 3 === 2 && locationIds.length > 1) at.push(locationIds[(s + 1) % locationIds.length]);
      at.forEach((locationId, a) => {
        const salId = id('sal', `${o}:${s}:${a}`);
        serviceAtLocations.push([salId, serviceId, locationId]);
        const hours = HOURS[kind.hours[(o + s + a) % kind.hours.length]];
        hours.forEach((rule, r) => {
          schedules.push([
            id('schedule', `${o}:${s}:${a}:${r}`),
            salId,
            rule.freq,
            'MO',
            rule.byday,
            rule.opensAt,
            rule.closesAt,
            options.timezone,
            rule.description,
          ]);
        });
      });
    }
  }

  return [
    { table: 'organization', columns: ['id', 'name', 'description', 'email', 'website'], rows: organizations },
    { table: 'location', columns: ['id', 'organization_id', 'name', 'location_type', 'latitude', 'longitude'], rows: locations },
    {
      table: 'address',
      columns: ['id', 'location_id', 'address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type'],
      rows: addresses,
    },
    {
      table: 'service',
      columns: [
        'id',
        'organization_id',
        'name',
        'description',
        'status',
        'eligibility_description',
        'minimum_age',
        'maximum_age',
        'fees_description',
        'application_process',
        'url',
      ],
      rows: services,
    },
    { table: 'service_at_location', columns: ['id', 'service_id', 'location_id'], rows: serviceAtLocations },
    { table: 'attribute', columns: ['id', 'link_id', 'link_type', 'link_entity', 'taxonomy_term_id'], rows: attributes },
    { table: 'language', columns: ['id', 'service_id', 'name', 'code'], rows: languages },
    { table: 'phone', columns: ['id', 'organization_id', 'service_id', 'number', 'type', 'description'], rows: phones },
    {
      table: 'schedule',
      columns: ['id', 'service_at_location_id', 'freq', 'wkst', 'byday', 'opens_at', 'closes_at', 'timezone', 'description'],
      rows: schedules,
    },
  ];
}

function round6(value: number): number {
  return Number(value.toFixed(6));
}
