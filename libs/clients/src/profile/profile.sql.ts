/**
 * The statements of a client's profile: address, demographics and the
 * current household (members not removed), each read for a batch of clients
 * in one statement, and the writes of the profile commands.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { AddressValues, DemographicsChange, MemberValues } from './profile.rules';
import type { HouseholdRelationship } from './profile.type';

type Db = DataSource | EntityManager;

export interface AddressRow {
  client_id: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postal_code: string | null;
  country: string;
  latitude: number | null;
  longitude: number | null;
  no_fixed_address: boolean;
}

export interface DemographicsRow {
  client_id: string;
  gender_identity: string | null;
  pronouns: string | null;
  languages: string[];
  interpreter_needed: boolean;
  education: string | null;
}

export interface MemberRow {
  id: string;
  client_id: string;
  first_name: string;
  last_name: string | null;
  relationship: HouseholdRelationship;
  date_of_birth: string | null;
  dependent: boolean;
}

export const addressesOf = (db: Db, clientIds: readonly string[]): Promise<AddressRow[]> =>
  db.query(
    `SELECT client_id, line1, line2, city, region, postal_code, country, latitude, longitude, no_fixed_address
       FROM clients.client_address WHERE client_id = ANY($1::uuid[]) AND line1 IS NOT NULL`,
    [[...clientIds]],
  );

export const demographicsOf = (db: Db, clientIds: readonly string[]): Promise<DemographicsRow[]> =>
  db.query(
    `SELECT client_id, gender_identity, pronouns, languages, interpreter_needed, education
       FROM clients.client_demographics WHERE client_id = ANY($1::uuid[])`,
    [[...clientIds]],
  );

/** The current household of each client, in the order it was given. */
export const householdsOf = (db: Db, clientIds: readonly string[]): Promise<MemberRow[]> =>
  db.query(
    `SELECT id, client_id, first_name, last_name, relationship, date_of_birth::text AS date_of_birth, dependent
       FROM clients.household_member WHERE client_id = ANY($1::uuid[]) AND removed_at IS NULL
      ORDER BY client_id, position, id`,
    [[...clientIds]],
  );

export async function saveAddress(tx: EntityManager, clientId: string, a: AddressValues, by: string): Promise<void> {
  await tx.query(
    `INSERT INTO clients.client_address
       (client_id, line1, line2, city, region, postal_code, country, latitude, longitude, no_fixed_address, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())
     ON CONFLICT (client_id) DO UPDATE SET line1 = $2, line2 = $3, city = $4, region = $5, postal_code = $6, country = $7,
       latitude = $8, longitude = $9, no_fixed_address = $10, updated_by = $11, updated_at = now()`,
    [clientId, a.line1, a.line2, a.city, a.region, a.postalCode, a.country, a.latitude, a.longitude, a.noFixedAddress, by],
  );
}

/** Clears the address (the row stays, without lines, with who cleared it and when); true when there was one. */
export async function clearAddress(tx: EntityManager, clientId: string, by: string): Promise<boolean> {
  const rows: unknown[] = await tx.query(
    `UPDATE clients.client_address SET line1 = NULL, line2 = NULL, city = NULL, region = NULL, postal_code = NULL, country = NULL,
       latitude = NULL, longitude = NULL, no_fixed_address = false, updated_by = $2, updated_at = now()
      WHERE client_id = $1 AND line1 IS NOT NULL RETURNING client_id`,
    [clientId, by],
  );
  return rows.length > 0;
}

/** Applies the given fields over the current demographics (or the empty ones). */
export async function saveDemographics(tx: EntityManager, clientId: string, change: DemographicsChange, by: string): Promise<void> {
  const given = (key: keyof DemographicsChange) => change[key] !== undefined;
  await tx.query(
    `INSERT INTO clients.client_demographics
       (client_id, gender_identity, pronouns, languages, interpreter_needed, education, updated_by, updated_at)
     VALUES ($1, $2, $3, coalesce($4::text[], '{}'), coalesce($5::boolean, false), $6, $7, now())
     ON CONFLICT (client_id) DO UPDATE SET
       gender_identity = CASE WHEN $8 THEN $2 ELSE client_demographics.gender_identity END,
       pronouns = CASE WHEN $9 THEN $3 ELSE client_demographics.pronouns END,
       languages = CASE WHEN $10 THEN coalesce($4::text[], '{}') ELSE client_demographics.languages END,
       interpreter_needed = CASE WHEN $11 THEN coalesce($5::boolean, false) ELSE client_demographics.interpreter_needed END,
       education = CASE WHEN $12 THEN $6 ELSE client_demographics.education END,
       updated_by = $7, updated_at = now()`,
    [
      clientId,
      change.genderIdentity ?? null,
      change.pronouns ?? null,
      change.languages ?? null,
      change.interpreterNeeded ?? null,
      change.education ?? null,
      by,
      given('genderIdentity'),
      given('pronouns'),
      given('languages'),
      given('interpreterNeeded'),
      given('education'),
    ],
  );
}

export async function insertMember(tx: EntityManager, clientId: string, position: number, m: MemberValues, by: string): Promise<string> {
  const [row]: Array<{ id: string }> = await tx.query(
    `INSERT INTO clients.household_member
       (client_id, position, first_name, last_name, relationship, date_of_birth, dependent, added_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
    [clientId, position, m.firstName, m.lastName, m.relationship, m.dateOfBirth, m.dependent, by],
  );
  return row.id;
}

/** Updates a current member: its place in the list, and its facts (with who and when) when `changed`. */
export async function updateMember(tx: EntityManager, position: number, m: MemberValues, changed: boolean, by: string): Promise<void> {
  if (!changed) {
    await tx.query('UPDATE clients.household_member SET position = $2 WHERE id = $1', [m.id, position]);
    return;
  }
  await tx.query(
    `UPDATE clients.household_member SET position = $2, first_name = $3, last_name = $4, relationship = $5,
       date_of_birth = $6, dependent = $7, updated_by = $8, updated_at = now()
      WHERE id = $1`,
    [m.id, position, m.firstName, m.lastName, m.relationship, m.dateOfBirth, m.dependent, by],
  );
}

/** Takes members off the current list, keeping their rows with when and by whom. */
export async function removeMembers(tx: EntityManager, ids: readonly string[], by: string): Promise<void> {
  if (ids.length === 0) return;
  await tx.query('UPDATE clients.household_member SET removed_at = now(), removed_by = $2 WHERE id = ANY($1::uuid[])', [[...ids], by]);
}

/** Marks the client record changed (its `updated_at`), as every change to the case does. */
export async function touchClient(tx: EntityManager, clientId: string): Promise<void> {
  await tx.query('UPDATE clients.client SET updated_at = now() WHERE id = $1', [clientId]);
}
