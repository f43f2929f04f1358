import { generateDirectory } from './directory-generator';

const options = {
  key: 'spec',
  organizations: 12,
  services: 40,
  locations: 15,
  center: { latitude: 44.6488, longitude: -63.5752 },
  radiusKm: 10,
  seed: 7,
  termId: (code: string) => `term-${code}`,
  timezone: 'America/Halifax',
  city: { city: 'Harbour City', stateProvince: 'NS', country: 'CA' },
};
const rowsOf = (tables: ReturnType<typeof generateDirectory>, table: string) => tables.find((t) => t.table === table)!.rows;

describe('generateDirectory', () => {
  it('makes exactly the asked numbers of organizations, services and locations, the same every time', () => {
    const tables = generateDirectory(options);
    expect(rowsOf(tables, 'organization')).toHaveLength(12);
    expect(rowsOf(tables, 'service')).toHaveLength(40);
    expect(rowsOf(tables, 'location')).toHaveLength(15);
    expect(generateDirectory(options)).toEqual(tables);
    expect(generateDirectory({ ...options, seed: 8 })).not.toEqual(tables);
  });

  it('keeps every location within the radius and every service at a location of its own organization', () => {
    const tables = generateDirectory(options);
    const km = (lat: number, lon: number) =>
      Math.hypot((lat - options.center.latitude) * 111.32, (lon - options.center.longitude) * 111.32 * Math.cos((44.65 * Math.PI) / 180));
    expect(rowsOf(tables, 'location').every((l) => km(l[4] as number, l[5] as number) <= 10.01)).toBe(true);
    const orgOfLocation = new Map(rowsOf(tables, 'location').map((l) => [l[0], l[1]]));
    const orgOfService = new Map(rowsOf(tables, 'service').map((s) => [s[0], s[1]]));
    expect(
      rowsOf(tables, 'service_at_location').every(([, service, location]) => orgOfService.get(service) === orgOfLocation.get(location)),
    ).toBe(true);
    expect(new Set(rowsOf(tables, 'organization').map((o) => o[1])).size).toBe(12);
  });
});
