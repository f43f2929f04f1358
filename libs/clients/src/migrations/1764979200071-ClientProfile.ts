import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The client's profile beside the client row (one-to-one, so the caseload's
 * reads of `client` stay as narrow as they were): where the client lives,
 * what they said about themselves, and who they live with. A household
 * member taken off the list is kept with when and by whom (`removed_at`,
 * `removed_by`): the history stays in the database, not in the API. Nothing
 * is deleted (the runtime role may not): a cleared address is its row with
 * no lines, kept with who cleared it and when.
 */
export class ClientProfile1764979200071 implements MigrationInterface {
  name = 'ClientProfile1764979200071';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE clients.client_address (
      client_id uuid PRIMARY KEY REFERENCES clients.client(id),
      line1 text CHECK (length(line1) BETWEEN 1 AND 200),
      line2 text CHECK (length(line2) <= 200),
      city text CHECK (length(city) BETWEEN 1 AND 100),
      region text CHECK (length(region) <= 100),
      postal_code text CHECK (length(postal_code) <= 20),
      country text CHECK (country ~ '^[A-Z]{2}$'),
      latitude float8 CHECK (latitude BETWEEN -90 AND 90),
      longitude float8 CHECK (longitude BETWEEN -180 AND 180),
      no_fixed_address boolean NOT NULL DEFAULT false,
      updated_by uuid NOT NULL REFERENCES clients.staff_member(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT client_address_point CHECK ((latitude IS NULL) = (longitude IS NULL)),
      CONSTRAINT client_address_cleared CHECK (
        (line1 IS NULL) = (city IS NULL) AND (line1 IS NULL) = (country IS NULL)
        AND (line1 IS NOT NULL OR (line2 IS NULL AND region IS NULL AND postal_code IS NULL AND latitude IS NULL)))
    )`);
    await q.query('CREATE INDEX client_address_updated_by ON clients.client_address (updated_by)');
    await q.query(`CREATE TABLE clients.client_demographics (
      client_id uuid PRIMARY KEY REFERENCES clients.client(id),
      gender_identity text CHECK (length(gender_identity) <= 100),
      pronouns text CHECK (length(pronouns) <= 50),
      languages text[] NOT NULL DEFAULT '{}' CHECK (cardinality(languages) <= 10),
      interpreter_needed boolean NOT NULL DEFAULT false,
      education text CHECK (length(education) <= 200),
      updated_by uuid NOT NULL REFERENCES clients.staff_member(id),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX client_demographics_updated_by ON clients.client_demographics (updated_by)');
    await q.query(`CREATE TABLE clients.household_member (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      client_id uuid NOT NULL REFERENCES clients.client(id),
      position integer NOT NULL CHECK (position >= 0),
      first_name text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
      last_name text CHECK (length(last_name) <= 100),
      relationship text NOT NULL CHECK (relationship IN ('PARTNER', 'CHILD', 'PARENT', 'SIBLING', 'OTHER_RELATIVE', 'OTHER')),
      date_of_birth date,
      dependent boolean NOT NULL DEFAULT false,
      added_by uuid NOT NULL REFERENCES clients.staff_member(id),
      added_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid NOT NULL REFERENCES clients.staff_member(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      removed_by uuid REFERENCES clients.staff_member(id),
      removed_at timestamptz,
      CONSTRAINT household_member_removed CHECK ((removed_at IS NULL) = (removed_by IS NULL))
    )`);
    await q.query('CREATE INDEX household_member_current ON clients.household_member (client_id, position) WHERE removed_at IS NULL');
    await q.query('CREATE INDEX household_member_client ON clients.household_member (client_id)');
    await q.query('CREATE INDEX household_member_added_by ON clients.household_member (added_by)');
    await q.query('CREATE INDEX household_member_updated_by ON clients.household_member (updated_by)');
    await q.query('CREATE INDEX household_member_removed_by ON clients.household_member (removed_by) WHERE removed_by IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE clients.household_member');
    await q.query('DROP TABLE clients.client_demographics');
    await q.query('DROP TABLE clients.client_address');
  }
}
