import type { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTableSql } from '@caseflow/audit';
import { alterTable, createIndexes, createTable } from '@caseflow/db';

/**
 * The rest of the HSDS 3.0 data model, and what makes the directory fast to
 * search:
 *
 * - every HSDS table and column the tabular data package defines (programs,
 *   contacts, cost options, required documents, accessibility, funding,
 *   service areas, organization identifiers, the `metadata` change log and
 *   `meta_table_description`), with the HSDS enumerations as CHECKs;
 * - full-text search: a generated, weighted `search_vector` (English
 *   stemming) on service and organization; a service also carries its
 *   organization's (kept current by triggers), and one GIN index covers both,
 *   so that "pantry food bank" finds a pantry run by a food bank;
 * - distance: a GiST index on `ll_to_earth(latitude, longitude)` (the cube
 *   and earthdistance extensions) for radius filters;
 * - opening hours: SQL functions that tell whether a schedule, and a service
 *   at a location, is open at an instant (weekly and monthly rules, hours
 *   past midnight, validity dates, IANA zones or HSDS UTC offsets).
 *
 * Some references are kept as given without a foreign key: a location's
 * organization, an organization's parent, a contact's links, a term's parent
 * and taxonomy. Data packages are often extracts whose descriptive links point
 * outside them (the official HSDS examples do); everything the directory's
 * own queries join on stays enforced. Coordinates are kept as given for the
 * same reason; only locations with coordinates in range are indexed and found
 * by distance. The directory holds no client data; its audit table records
 * partners' and admins' edits and refused edits.
 */
export class HsdsDirectory1763856000013 implements MigrationInterface {
  name = 'HsdsDirectory1763856000013';

  async up(q: QueryRunner): Promise<void> {
    for (const extension of ['cube', 'earthdistance']) await q.query(`CREATE EXTENSION IF NOT EXISTS ${extension} SCHEMA public`);

    await alterTable(q, 'resources.organization', {
      changes: `
        ADD COLUMN tax_status text,
        ADD COLUMN tax_id text,
        ADD COLUMN year_incorporated numeric,
        ADD COLUMN legal_status text,
        ADD COLUMN logo text,
        ADD COLUMN uri text,
        ADD COLUMN parent_organization_id uuid,
        ADD COLUMN search_vector ${searchVector('name', 'alternate_name', 'description')}
      `,
      indexes: `
        CREATE INDEX organization_search_idx ON resources.organization USING gin (search_vector);
        CREATE INDEX organization_parent_idx ON resources.organization (parent_organization_id);
        CREATE INDEX organization_name_idx ON resources.organization (name, id);
      `,
    });

    await createTable(q, 'resources.program', {
      columns: `
        organization_id uuid NOT NULL REFERENCES resources.organization (id),
        name text NOT NULL CHECK (btrim(name) <> ''),
        alternate_name text,
        description text NOT NULL
      `,
      indexed: ['organization_id'],
    });

    await alterTable(q, 'resources.service', {
      changes: `
        ADD COLUMN program_id uuid REFERENCES resources.program (id),
        ADD COLUMN interpretation_services text,
        ADD COLUMN wait_time text,
        ADD COLUMN fees text,
        ADD COLUMN accreditations text,
        ADD COLUMN assured_date date,
        ADD COLUMN assurer_email text,
        ADD COLUMN licenses text,
        ADD COLUMN alert text,
        ADD COLUMN last_modified timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN search_vector ${searchVector('name', 'alternate_name', 'description', 'eligibility_description')}
      `,
    });
    // A service is found by its agency's words too: the organization's vector is copied onto each of its services (see the triggers below).
    await q.query(`ALTER TABLE resources.service ADD COLUMN organization_vector tsvector NOT NULL DEFAULT ''`);
    await q.query(
      `UPDATE resources.service s SET organization_vector = setweight(o.search_vector, 'C') FROM resources.organization o WHERE o.id = s.organization_id`,
    );
    await createIndexes(q, 'resources.service', {
      indexed: ['program_id', 'status'],
      indexes: `
        CREATE INDEX service_search_idx ON resources.service USING gin ((search_vector || organization_vector));
        CREATE INDEX service_name_idx ON resources.service (name, id);
        CREATE INDEX service_last_modified_idx ON resources.service (last_modified, id);
      `,
    });

    await alterTable(q, 'resources.location', {
      changes: `
        DROP CONSTRAINT location_organization_id_fkey,
        DROP CONSTRAINT location_latitude_check,
        DROP CONSTRAINT location_longitude_check,
        ALTER COLUMN latitude TYPE double precision,
        ALTER COLUMN longitude TYPE double precision,
        ADD COLUMN url text,
        ADD COLUMN alternate_name text,
        ADD COLUMN transportation text,
        ADD COLUMN external_identifier text,
        ADD COLUMN external_identifier_type text
      `,
      indexes: `
        CREATE INDEX location_earth_idx ON resources.location USING gist (public.ll_to_earth(latitude, longitude))
           WHERE latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180;
      `,
    });
    await q.query("CREATE INDEX address_postal_code_idx ON resources.address (upper(replace(postal_code, ' ', '')))");

    await createTable(q, 'resources.contact', {
      columns: `
        organization_id uuid,
        service_id uuid,
        service_at_location_id uuid,
        location_id uuid,
        name text,
        title text,
        department text,
        email text
      `,
      indexed: ['organization_id', 'service_id', 'service_at_location_id', 'location_id'],
    });

    await alterTable(q, 'resources.phone', {
      changes: `
        DROP CONSTRAINT phone_check,
        ADD COLUMN contact_id uuid REFERENCES resources.contact (id),
        ADD CONSTRAINT phone_owner_check CHECK (num_nonnulls(organization_id, service_id, location_id, service_at_location_id, contact_id) >= 1)
      `,
      indexed: ['contact_id'],
    });

    await alterTable(q, 'resources.schedule', {
      changes: `
        ADD COLUMN dtstart date,
        ADD COLUMN until date,
        ADD COLUMN count integer CHECK (count > 0),
        ADD COLUMN "interval" integer CHECK ("interval" > 0),
        ADD COLUMN byweekno text,
        ADD COLUMN bymonthday text,
        ADD COLUMN byyearday text,
        ADD COLUMN schedule_link text,
        ADD COLUMN attending_type text,
        ADD COLUMN notes text
      `,
    });

    await alterTable(q, 'resources.language', {
      changes: `
        DROP CONSTRAINT language_check,
        ADD COLUMN phone_id uuid REFERENCES resources.phone (id),
        ADD COLUMN note text,
        ADD CONSTRAINT language_owner_check CHECK (num_nonnulls(service_id, location_id, phone_id) >= 1)
      `,
      indexed: ['phone_id'],
    });

    await alterTable(q, 'resources.taxonomy_term', {
      changes: `
        DROP CONSTRAINT taxonomy_term_parent_id_fkey,
        DROP CONSTRAINT taxonomy_term_taxonomy_id_fkey,
        ADD COLUMN taxonomy text,
        ADD COLUMN language text
      `,
    });
    await alterTable(q, 'resources.attribute', {
      changes: `
        ALTER COLUMN link_type DROP NOT NULL
      `,
      indexes: `
        CREATE INDEX attribute_link_id_idx ON resources.attribute (link_id, link_entity);
      `,
    });

    await createTable(q, 'resources.service_area', {
      columns: `
        service_id uuid REFERENCES resources.service (id),
        name text,
        description text,
        extent text,
        extent_type text,
        uri text
      `,
      indexed: ['service_id'],
    });

    await createTable(q, 'resources.cost_option', {
      columns: `
        service_id uuid NOT NULL REFERENCES resources.service (id),
        valid_from date,
        valid_to date,
        option text,
        currency text,
        amount numeric,
        amount_description text,
        CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
      `,
      indexed: ['service_id'],
    });

    await createTable(q, 'resources.required_document', {
      columns: `
        service_id uuid REFERENCES resources.service (id),
        document text,
        uri text
      `,
      indexed: ['service_id'],
    });

    await createTable(q, 'resources.accessibility', {
      columns: `
        location_id uuid REFERENCES resources.location (id),
        description text,
        details text,
        url text
      `,
      indexed: ['location_id'],
    });

    await createTable(q, 'resources.funding', {
      columns: `
        organization_id uuid REFERENCES resources.organization (id),
        service_id uuid REFERENCES resources.service (id),
        source text
      `,
      indexed: ['organization_id', 'service_id'],
    });

    await createTable(q, 'resources.organization_identifier', {
      columns: `
        organization_id uuid NOT NULL REFERENCES resources.organization (id),
        identifier_scheme text,
        identifier_type text NOT NULL,
        identifier text NOT NULL
      `,
      indexed: ['organization_id'],
    });

    // HSDS metadata: one row per changed field. recorded_at and actor_id are ours (not exported): the exact instant and the staff id.
    await createTable(q, 'resources.metadata', {
      columns: `
        resource_id uuid NOT NULL,
        resource_type text NOT NULL,
        last_action_date date NOT NULL,
        last_action_type text NOT NULL,
        field_name text NOT NULL,
        previous_value text NOT NULL,
        replacement_value text NOT NULL,
        updated_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid
      `,
      indexes: `
        CREATE INDEX metadata_resource_idx ON resources.metadata (resource_id, recorded_at);
      `,
    });

    await createTable(q, 'resources.meta_table_description', { columns: 'name text, language text, character_set text' });

    for (const statement of auditTableSql('resources')) await q.query(statement);
    for (const statement of OPENING_HOURS_SQL) await q.query(statement);
    for (const statement of ORGANIZATION_VECTOR_SQL) await q.query(statement);
  }

  // The column type changes and dropped constraints cannot be undone without losing imported data.
  async down(): Promise<void> {
    throw new Error('HsdsDirectory1763856000013 is not reversible: restore the resources schema from a backup');
  }
}

/** A generated tsvector of `columns` (English stemming), weighted A, B, C, D in their order. */
function searchVector(...columns: string[]): string {
  const weighted = columns.map((column, i) => `setweight(to_tsvector('english', coalesce(${column}, '')), '${'ABCD'[i]}')`);
  return `tsvector GENERATED ALWAYS AS (${weighted.join(' || ')}) STORED`;
}

/** Keeps each service's copy of its organization's search vector current, whichever side changes. */
const ORGANIZATION_VECTOR_SQL = [
  `CREATE FUNCTION resources.service_organization_vector() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     NEW.organization_vector := coalesce((SELECT setweight(o.search_vector, 'C') FROM resources.organization o WHERE o.id = NEW.organization_id), ''::tsvector);
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER service_organization_vector BEFORE INSERT OR UPDATE OF organization_id ON resources.service
   FOR EACH ROW EXECUTE FUNCTION resources.service_organization_vector()`,
  `CREATE FUNCTION resources.organization_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     UPDATE resources.service SET organization_vector = setweight(NEW.search_vector, 'C') WHERE organization_id = NEW.id;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER organization_search_changed AFTER UPDATE ON resources.organization
   FOR EACH ROW WHEN (OLD.search_vector IS DISTINCT FROM NEW.search_vector) EXECUTE FUNCTION resources.organization_search_changed()`,
];

/**
 * When a schedule is open. A schedule's local time is its IANA zone or HSDS
 * UTC offset (the directory's zone when it has neither). Days follow the
 * iCal rule: WEEKLY by `byday` (every day when empty), MONTHLY by
 * `bymonthday` (negative counts from the month's end) or by `byday` with an
 * ordinal (`1MO`, `-1FR`), `interval` counted from `dtstart`; the day must
 * lie within valid_from..valid_to and dtstart..until. Hours: [opens, closes);
 * closes at or before opens means the hours run past midnight, so the early
 * hours of a day belong to the previous day's rule. No hours means all day.
 */
const OPENING_HOURS_SQL = [
  `CREATE FUNCTION resources.local_timestamp(at timestamptz, tz text) RETURNS timestamp
   LANGUAGE sql STABLE AS $$
     SELECT CASE WHEN tz ~ '^[+-]?[0-9]{1,2}(\\.[0-9]+)?$'
       THEN (at AT TIME ZONE 'UTC') + tz::numeric * interval '1 hour'
       ELSE at AT TIME ZONE tz END
   $$`,
  `CREATE FUNCTION resources.schedule_day_matches(s resources.schedule, d date) RETURNS boolean
   LANGUAGE plpgsql STABLE AS $$
   DECLARE
     code text := (ARRAY['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'])[extract(dow FROM d)::int + 1];
     dom int := extract(day FROM d)::int;
     last_dom int := extract(day FROM date_trunc('month', d) + interval '1 month - 1 day')::int;
     step int := coalesce(s."interval", 1);
     entry text;
     n int;
     has_days boolean := coalesce(btrim(s.byday), '') <> '';
     has_month_days boolean := coalesce(btrim(s.bymonthday), '') <> '';
   BEGIN
     IF d < s.valid_from OR d > s.valid_to OR d < s.dtstart OR d > s.until THEN RETURN false; END IF;
     IF step > 1 AND s.dtstart IS NOT NULL THEN
       IF s.freq = 'MONTHLY' THEN
         IF ((extract(year FROM d) - extract(year FROM s.dtstart)) * 12 + extract(month FROM d) - extract(month FROM s.dtstart))::int % step <> 0 THEN RETURN false; END IF;
       ELSIF ((date_trunc('week', d)::date - date_trunc('week', s.dtstart)::date) / 7) % step <> 0 THEN
         RETURN false;
       END IF;
     END IF;
     IF s.freq = 'MONTHLY' THEN
       IF NOT has_days AND NOT has_month_days THEN RETURN true; END IF;
       IF has_month_days THEN
         FOREACH entry IN ARRAY string_to_array(replace(s.bymonthday, ' ', ''), ',') LOOP
           n := entry::int;
           IF n = dom OR (n < 0 AND last_dom + n + 1 = dom) THEN RETURN true; END IF;
         END LOOP;
       END IF;
       IF has_days THEN
         FOREACH entry IN ARRAY string_to_array(upper(replace(s.byday, ' ', '')), ',') LOOP
           CONTINUE WHEN right(entry, 2) <> code;
           IF length(entry) = 2 THEN RETURN true; END IF;
           n := left(entry, length(entry) - 2)::int;
           IF (n > 0 AND (dom - 1) / 7 + 1 = n) OR (n < 0 AND (last_dom - dom) / 7 + 1 = -n) THEN RETURN true; END IF;
         END LOOP;
       END IF;
       RETURN false;
     END IF;
     IF NOT has_days THEN RETURN true; END IF;
     RETURN code = ANY (SELECT right(x, 2) FROM unnest(string_to_array(upper(replace(s.byday, ' ', '')), ',')) AS x);
   END $$`,
  `CREATE FUNCTION resources.schedule_open_at(s resources.schedule, at timestamptz, default_tz text) RETURNS boolean
   LANGUAGE plpgsql STABLE AS $$
   DECLARE
     lt timestamp := resources.local_timestamp(at, coalesce(nullif(btrim(s.timezone), ''), default_tz));
     d date := lt::date;
     t time := lt::time;
   BEGIN
     IF s.opens_at IS NULL AND s.closes_at IS NULL THEN RETURN resources.schedule_day_matches(s, d); END IF;
     IF s.closes_at IS NULL THEN RETURN t >= s.opens_at AND resources.schedule_day_matches(s, d); END IF;
     IF s.opens_at IS NULL THEN RETURN t < s.closes_at AND resources.schedule_day_matches(s, d); END IF;
     IF s.opens_at < s.closes_at THEN
       RETURN t >= s.opens_at AND t < s.closes_at AND resources.schedule_day_matches(s, d);
     END IF;
     RETURN (t >= s.opens_at AND resources.schedule_day_matches(s, d))
         OR (t < s.closes_at AND resources.schedule_day_matches(s, d - 1));
   END $$`,
  // The schedules that apply to a service at a location: its own, else the service's, else the location's; null when none.
  `CREATE FUNCTION resources.open_at(p_service_at_location uuid, p_service uuid, p_location uuid, at timestamptz, default_tz text) RETURNS boolean
   LANGUAGE plpgsql STABLE AS $$
   DECLARE
     result boolean;
   BEGIN
     IF p_service_at_location IS NOT NULL THEN
       SELECT bool_or(resources.schedule_open_at(s, at, default_tz)) INTO result
       FROM resources.schedule s WHERE s.service_at_location_id = p_service_at_location;
       IF result IS NOT NULL THEN RETURN result; END IF;
     END IF;
     SELECT bool_or(resources.schedule_open_at(s, at, default_tz)) INTO result
     FROM resources.schedule s WHERE s.service_id = p_service AND s.service_at_location_id IS NULL;
     IF result IS NOT NULL OR p_location IS NULL THEN RETURN result; END IF;
     SELECT bool_or(resources.schedule_open_at(s, at, default_tz)) INTO result
     FROM resources.schedule s WHERE s.location_id = p_location AND s.service_id IS NULL AND s.service_at_location_id IS NULL;
     RETURN result;
   END $$`,
];
