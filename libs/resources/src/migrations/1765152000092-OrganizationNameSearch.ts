import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finding an organization by name (`organizations(search)`, e.g. a consent's
 * recipient): the words of its name and alternate name, English-stemmed like
 * the service search, with accents removed on both sides (the `unaccent`
 * extension, "Cafe" finds "Café"). `unaccent(text)` is only STABLE (it reads
 * its dictionary by name), so an IMMUTABLE wrapper that names the dictionary
 * makes the expression indexable; a GIN index covers it.
 */
export class OrganizationNameSearch1765152000092 implements MigrationInterface {
  name = 'OrganizationNameSearch1765152000092';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public');
    await q.query(`CREATE FUNCTION resources.unaccented(value text) RETURNS text
                     LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                     AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$`);
    await q.query(`CREATE INDEX organization_name_search_idx ON resources.organization
                     USING gin (to_tsvector('english', resources.unaccented(name || ' ' || coalesce(alternate_name, ''))))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX resources.organization_name_search_idx');
    await q.query('DROP FUNCTION resources.unaccented(text)');
  }
}
