import type { MigrationInterface, QueryRunner } from 'typeorm';
import { type TableSpec, createTable } from '@caseflow/db';

/**
 * The HSDS 3.0 directory tables (table and column names as HSDS). The
 * directory holds no client data, so this subgraph keeps no audit table.
 * `attribute` is how HSDS attaches taxonomy terms to any entity: `link_id`
 * has no foreign key because it may point at a row of any table.
 */
export class InitResources1763856000003 implements MigrationInterface {
  name = 'InitResources1763856000003';

  async up(q: QueryRunner): Promise<void> {
    await createTable(q, 'resources.organization', {
      columns: `
        name text NOT NULL CHECK (btrim(name) <> ''),
        alternate_name text,
        description text NOT NULL,
        email text,
        website text
      `,
    });

    await createTable(q, 'resources.service', {
      columns: `
        organization_id uuid NOT NULL REFERENCES resources.organization (id),
        name text NOT NULL CHECK (btrim(name) <> ''),
        alternate_name text,
        description text,
        url text,
        email text,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'defunct', 'temporarily closed')),
        application_process text,
        fees_description text,
        eligibility_description text,
        minimum_age numeric CHECK (minimum_age >= 0),
        maximum_age numeric CHECK (maximum_age >= 0),
        CHECK (maximum_age IS NULL OR minimum_age IS NULL OR maximum_age >= minimum_age)
      `,
      indexed: ['organization_id'],
    });

    await createTable(q, 'resources.location', {
      columns: `
        organization_id uuid REFERENCES resources.organization (id),
        name text,
        location_type text NOT NULL CHECK (location_type IN ('physical', 'postal', 'virtual')),
        description text,
        latitude numeric CHECK (latitude BETWEEN -90 AND 90),
        longitude numeric CHECK (longitude BETWEEN -180 AND 180)
      `,
      indexed: ['organization_id'],
    });

    await createTable(q, 'resources.address', {
      columns: `
        location_id uuid NOT NULL REFERENCES resources.location (id),
        attention text,
        address_1 text NOT NULL,
        address_2 text,
        city text NOT NULL,
        region text,
        state_province text NOT NULL,
        postal_code text NOT NULL,
        country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        address_type text NOT NULL CHECK (address_type IN ('physical', 'postal', 'virtual'))
      `,
      indexed: ['location_id'],
    });

    await createTable(q, 'resources.service_at_location', {
      columns: `
        service_id uuid NOT NULL REFERENCES resources.service (id),
        location_id uuid NOT NULL REFERENCES resources.location (id),
        description text
      `,
      indexed: ['location_id'],
      indexes: `
        CREATE UNIQUE INDEX service_at_location_service_location_key ON resources.service_at_location (service_id, location_id);
      `,
    });

    await createTable(
      q,
      'resources.phone',
      ownedTable(
        ['organization', 'service', 'location', 'service_at_location'],
        `
          number text NOT NULL CHECK (btrim(number) <> ''),
          extension text,
          type text,
          description text
        `,
      ),
    );

    await createTable(
      q,
      'resources.schedule',
      ownedTable(
        ['service', 'location', 'service_at_location'],
        `
          freq text CHECK (freq IN ('WEEKLY', 'MONTHLY')),
          wkst text CHECK (wkst IN ('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')),
          byday text,
          opens_at time,
          closes_at time,
          valid_from date,
          valid_to date,
          timezone text,
          description text
        `,
        'CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)',
      ),
    );

    await createTable(
      q,
      'resources.language',
      ownedTable(['service', 'location'], 'name text, code text', 'CHECK (num_nonnulls(name, code) >= 1)'),
    );

    await createTable(q, 'resources.taxonomy', {
      columns: `
        name text NOT NULL CHECK (btrim(name) <> ''),
        description text NOT NULL,
        uri text,
        version text
      `,
    });

    await createTable(q, 'resources.taxonomy_term', {
      columns: `
        taxonomy_id uuid REFERENCES resources.taxonomy (id),
        code text,
        name text NOT NULL CHECK (btrim(name) <> ''),
        description text,
        parent_id uuid REFERENCES resources.taxonomy_term (id),
        term_uri text,
        CHECK (parent_id IS NULL OR parent_id <> id)
      `,
      indexes: `
        CREATE INDEX taxonomy_term_taxonomy_code_idx ON resources.taxonomy_term (taxonomy_id, code);
        CREATE INDEX taxonomy_term_parent_name_idx ON resources.taxonomy_term (parent_id, name);
      `,
    });

    await createTable(q, 'resources.attribute', {
      columns: `
        link_id uuid NOT NULL,
        link_type text NOT NULL,
        link_entity text NOT NULL,
        taxonomy_term_id uuid NOT NULL REFERENCES resources.taxonomy_term (id),
        value text
      `,
      indexed: ['taxonomy_term_id'],
      indexes: `
        CREATE INDEX attribute_link_idx ON resources.attribute (link_type, link_id);
      `,
    });
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE resources.attribute, resources.taxonomy_term, resources.taxonomy, resources.language, resources.schedule,
      resources.phone, resources.service_at_location, resources.address, resources.location, resources.service, resources.organization`);
  }
}

/**
 * An HSDS detail table that may belong to any of several `owners`: a nullable
 * `<owner>_id` reference to each owner's table (each indexed), then
 * `columns`, then a CHECK that at least one owner is set, then `check`.
 */
function ownedTable(owners: readonly string[], columns: string, check?: string): TableSpec {
  const references = owners.map((owner) => `${owner}_id`);
  return {
    columns: [
      ...owners.map((owner) => `${owner}_id uuid REFERENCES resources.${owner} (id)`),
      columns,
      `CHECK (num_nonnulls(${references.join(', ')}) >= 1)`,
      ...(check === undefined ? [] : [check]),
    ].join(',\n'),
    indexed: references,
  };
}
