import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Directory search without accents: "cafe" finds "Café" and "Montréal" finds
 * "Montreal", with the same `resources.unaccented(text)` (PostgreSQL's
 * `unaccent` dictionary, made indexable) that finds organizations by name
 * (OrganizationNameSearch1765152000092). A service's own words and the copy of its organization's words it carries
 * are built from the folded text (English stemming, weights as before), and
 * the GIN index on both is rebuilt; queries over services fold their words
 * the same way. The organization's own `search_vector` is left as it was.
 */
export class AccentInsensitiveServiceSearch1765152000093 implements MigrationInterface {
  name = 'AccentInsensitiveServiceSearch1765152000093';

  async up(q: QueryRunner): Promise<void> {
    await serviceVectors(q, (column) => `resources.unaccented(coalesce(${column}, ''))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await serviceVectors(q, (column) => `coalesce(${column}, '')`);
  }
}

/** Rebuilds a service's generated words, its copy of its organization's words and their GIN index from `text(column)`. */
async function serviceVectors(q: QueryRunner, text: (column: string) => string): Promise<void> {
  const words = (column: string, weight: string) => `setweight(to_tsvector('english', ${text(column)}), '${weight}')`;
  const service = [words('name', 'A'), words('alternate_name', 'B'), words('description', 'C'), words('eligibility_description', 'D')];
  // The organization's name, alternate name and description, all of weight C (as the copy of its vector was).
  const organization = (o: string) => ['name', 'alternate_name', 'description'].map((c) => words(`${o}.${c}`, 'C')).join(' || ');
  // Dropping the column drops the GIN index on it.
  await q.query('ALTER TABLE resources.service DROP COLUMN search_vector');
  await q.query(`ALTER TABLE resources.service ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (${service.join(' || ')}) STORED`);
  await q.query(`CREATE OR REPLACE FUNCTION resources.service_organization_vector() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     NEW.organization_vector := coalesce((SELECT ${organization('o')} FROM resources.organization o WHERE o.id = NEW.organization_id), ''::tsvector);
     RETURN NEW;
   END $$`);
  await q.query(`CREATE OR REPLACE FUNCTION resources.organization_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     UPDATE resources.service SET organization_vector = ${organization('NEW')} WHERE organization_id = NEW.id;
     RETURN NULL;
   END $$`);
  await q.query(
    `UPDATE resources.service s SET organization_vector = ${organization('o')} FROM resources.organization o WHERE o.id = s.organization_id`,
  );
  await q.query('CREATE INDEX service_search_idx ON resources.service USING gin ((search_vector || organization_vector))');
}
