/**
 * The demo's client profiles: an address for every open client around the
 * demo city (a point within a few kilometres of the directory's services, so
 * "near the client" finds them), every seventh with no fixed address; for
 * Casey's clients, households (with dependants for some) and demographics
 * with languages. Invented streets and names; deterministic ids and points,
 * birth dates relative to the world's today; safe to run twice.
 */
import type { EntityManager } from 'typeorm';
import { type DemoWorld, demoId, demoStaff } from '@caseflow/demo';

const CITY = { latitude: 44.6488, longitude: -63.5752 };
const STREETS = ['Lantern Lane', 'Gull Street', 'Beacon Road', 'Tidewater Avenue', 'Spruce Crescent', 'Anchor Court', 'Ferry Row'];
const SHELTERS = ['Care of Harbour Drop-in Centre, 40 Wharf Street', 'Care of Northside Food Bank, 135 North Street'];
const CHILDREN = ['Mira', 'Theo', 'Ana', 'Lou', 'Kai', 'Noor'];
const LANGUAGES = [['en'], ['fr', 'en'], ['ar', 'en'], ['es'], ['en', 'mi'], ['zh-Hans', 'en']];
const DAY = 86_400_000;

const open = (world: DemoWorld) => world.clients.filter((c) => c.status !== 'CLOSED');

export function demoAddresses(world: DemoWorld): Array<Record<string, unknown>> {
  return open(world).map((client, n) => {
    const noFixedAddress = n % 7 === 6;
    // A point on a small spiral around the centre: 0.5 to 4 km out, deterministic per client.
    const [radius, angle] = [0.005 + (n % 8) * 0.0045, n * 2.4];
    return {
      client_id: client.id,
      line1: noFixedAddress ? SHELTERS[n % SHELTERS.length] : `${10 + ((n * 37) % 290)} ${STREETS[n % STREETS.length]}`,
      line2: !noFixedAddress && n % 4 === 1 ? `Apt ${1 + (n % 12)}` : null,
      city: 'Halifax',
      region: 'NS',
      postal_code: noFixedAddress ? null : `B3K ${n % 9}A${(n * 3) % 9}`,
      country: 'CA',
      latitude: noFixedAddress ? null : Number((CITY.latitude + radius * Math.sin(angle)).toFixed(5)),
      longitude: noFixedAddress ? null : Number((CITY.longitude + radius * 1.4 * Math.cos(angle)).toFixed(5)),
      no_fixed_address: noFixedAddress,
      updated_by: client.caseManagerId,
      updated_at: `${client.intakeDate}T15:00:00Z`,
    };
  });
}

/** Casey's open clients: every other one with a household, every fourth with dependants. */
export function demoHouseholds(world: DemoWorld): Array<Record<string, unknown>> {
  const casey = demoStaff('casey');
  const dayOfBirth = (yearsAgo: number, n: number) =>
    new Date(world.today.getTime() - (yearsAgo * 365 + n * 11) * DAY).toISOString().slice(0, 10);
  const rows: Array<Record<string, unknown>> = [];
  open(world)
    .filter((c) => c.caseManagerId === casey.id)
    .forEach((client, n) => {
      if (n % 2 === 1) return;
      const member = (key: string, position: number, values: Record<string, unknown>) =>
        rows.push({
          id: demoId('household-member', `${client.id}:${key}`),
          client_id: client.id,
          position,
          last_name: client.lastName,
          date_of_birth: null,
          dependent: false,
          added_by: casey.id,
          added_at: `${client.intakeDate}T15:30:00Z`,
          ...values,
        });
      member('partner', 0, { first_name: n % 3 === 0 ? 'Sam' : 'Alexis', relationship: 'PARTNER' });
      if (n % 4 === 0) {
        member('child-1', 1, {
          first_name: CHILDREN[n % CHILDREN.length],
          relationship: 'CHILD',
          date_of_birth: dayOfBirth(4, n),
          dependent: true,
        });
        member('child-2', 2, {
          first_name: CHILDREN[(n + 1) % CHILDREN.length],
          relationship: 'CHILD',
          date_of_birth: dayOfBirth(9, n),
          dependent: true,
        });
      }
    });
  return rows;
}

/** Demographics with languages for Casey's and Jordan's open clients, most but not all of them. */
export function demoDemographics(world: DemoWorld): Array<Record<string, unknown>> {
  const workers = new Set([demoStaff('casey').id, demoStaff('jordan').id]);
  return open(world)
    .filter((c) => workers.has(c.caseManagerId))
    .flatMap((client, n) =>
      n % 5 === 4
        ? []
        : [
            {
              client_id: client.id,
              gender_identity: n % 3 === 0 ? 'Woman' : n % 3 === 1 ? 'Man' : null,
              pronouns: n % 3 === 0 ? 'she/her' : n % 3 === 1 ? 'he/him' : null,
              languages: LANGUAGES[n % LANGUAGES.length],
              interpreter_needed: LANGUAGES[n % LANGUAGES.length][0] !== 'en' && n % 2 === 0,
              education: ['High school diploma', 'Some college', 'Bachelor’s degree', null][n % 4],
              updated_by: client.caseManagerId,
              updated_at: `${client.intakeDate}T15:30:00Z`,
            },
          ],
    );
}

/** Inserts the demo's addresses, households and demographics (what exists is kept). */
export async function seedProfiles(tx: EntityManager, world: DemoWorld): Promise<void> {
  await tx.query(
    `INSERT INTO clients.client_address (client_id, line1, line2, city, region, postal_code, country, latitude, longitude,
       no_fixed_address, updated_by, updated_at)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(client_id uuid, line1 text, line2 text, city text, region text,
       postal_code text, country text, latitude float8, longitude float8, no_fixed_address boolean, updated_by uuid, updated_at timestamptz)
     ON CONFLICT (client_id) DO NOTHING`,
    [JSON.stringify(demoAddresses(world))],
  );
  await tx.query(
    `INSERT INTO clients.household_member (id, client_id, position, first_name, last_name, relationship, date_of_birth, dependent,
       added_by, added_at, updated_by, updated_at)
     SELECT id, client_id, position, first_name, last_name, relationship, date_of_birth, dependent, added_by, added_at, added_by, added_at
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, client_id uuid, position int, first_name text, last_name text,
         relationship text, date_of_birth date, dependent boolean, added_by uuid, added_at timestamptz)
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(demoHouseholds(world))],
  );
  await tx.query(
    `INSERT INTO clients.client_demographics (client_id, gender_identity, pronouns, languages, interpreter_needed, education,
       updated_by, updated_at)
     SELECT client_id, gender_identity, pronouns, ARRAY(SELECT jsonb_array_elements_text(languages)), interpreter_needed, education,
       updated_by, updated_at
       FROM jsonb_to_recordset($1::jsonb) AS r(client_id uuid, gender_identity text, pronouns text, languages jsonb,
         interpreter_needed boolean, education text, updated_by uuid, updated_at timestamptz)
     ON CONFLICT (client_id) DO NOTHING`,
    [JSON.stringify(demoDemographics(world))],
  );
}
