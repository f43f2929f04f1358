import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory search's own table: one row per place a service is delivered
 * (a service at a location), and one for a service delivered nowhere, with
 * everything a search filters on side by side — the service's status, name
 * and ages, its words and its organization's (the document the GIN index
 * `service_search_idx` covers), its categories, and the place's point on the
 * earth. A search then finds its places with the point's GiST index and the
 * words' GIN index ANDed together, on one table, instead of reading every
 * place in the radius and each one's service to test the words (the slow
 * searches: dense areas, common words).
 *
 * The database keeps it, as it keeps a service's copy of its organization's
 * words: triggers on the service, its places, their locations' points and
 * the service's categories rebuild the rows of the services they touch, in
 * the writer's transaction. A rebuild first locks the service's row, so two
 * writers touching one service rebuild it one after the other and the second
 * reads what the first committed. Rows go with their service, place or
 * location (foreign keys, on delete cascade).
 */
export class SearchPlaces1765411200101 implements MigrationInterface {
  name = 'SearchPlaces1765411200101';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE resources.search_place (
      place_id uuid PRIMARY KEY,
      service_id uuid NOT NULL REFERENCES resources.service (id) ON DELETE CASCADE,
      service_at_location_id uuid REFERENCES resources.service_at_location (id) ON DELETE CASCADE,
      location_id uuid REFERENCES resources.location (id) ON DELETE CASCADE,
      name text NOT NULL,
      status text NOT NULL,
      minimum_age numeric,
      maximum_age numeric,
      earth public.earth,
      document tsvector NOT NULL,
      term_ids uuid[] NOT NULL
    )`);
    await q.query(`COMMENT ON TABLE resources.search_place IS
      'Derived by triggers from service, service_at_location, location and attribute: what directory search filters on, one row per place (place_id: the service at a location, or the service delivered nowhere).'`);
    await q.query('CREATE INDEX search_place_service_idx ON resources.search_place (service_id)');
    await q.query('CREATE INDEX search_place_location_idx ON resources.search_place (location_id)');
    await q.query('CREATE INDEX search_place_earth_idx ON resources.search_place USING gist (earth)');
    await q.query('CREATE INDEX search_place_document_idx ON resources.search_place USING gin (document)');
    await q.query('CREATE INDEX search_place_terms_idx ON resources.search_place USING gin (term_ids)');

    await q.query(`CREATE FUNCTION resources.rebuild_search_places(services uuid[]) RETURNS void LANGUAGE plpgsql AS $$
     BEGIN
       -- In id order, so that writers touching several services never wait on each other in a circle.
       PERFORM 1 FROM resources.service WHERE id = ANY(services) ORDER BY id FOR UPDATE;
       DELETE FROM resources.search_place WHERE service_id = ANY(services);
       INSERT INTO resources.search_place
         (place_id, service_id, service_at_location_id, location_id, name, status, minimum_age, maximum_age, earth, document, term_ids)
       SELECT coalesce(sal.id, s.id), s.id, sal.id, l.id, s.name, s.status, s.minimum_age, s.maximum_age,
         CASE WHEN l.latitude BETWEEN -90 AND 90 AND l.longitude BETWEEN -180 AND 180
           THEN public.ll_to_earth(l.latitude, l.longitude) END,
         s.search_vector || s.organization_vector,
         ARRAY(SELECT a.taxonomy_term_id FROM resources.attribute a WHERE a.link_id = s.id AND a.link_entity = 'service')
       FROM resources.service s
       LEFT JOIN resources.service_at_location sal ON sal.service_id = s.id
       LEFT JOIN resources.location l ON l.id = sal.location_id
       WHERE s.id = ANY(services);
     END $$`);

    await q.query(`CREATE FUNCTION resources.search_places_of_service() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       PERFORM resources.rebuild_search_places(ARRAY[NEW.id]);
       RETURN NULL;
     END $$`);
    await q.query(`CREATE TRIGGER search_places_of_new_service AFTER INSERT ON resources.service
      FOR EACH ROW EXECUTE FUNCTION resources.search_places_of_service()`);
    await q.query(`CREATE TRIGGER search_places_of_changed_service AFTER UPDATE ON resources.service
      FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.status IS DISTINCT FROM NEW.status
        OR OLD.minimum_age IS DISTINCT FROM NEW.minimum_age OR OLD.maximum_age IS DISTINCT FROM NEW.maximum_age
        OR OLD.search_vector IS DISTINCT FROM NEW.search_vector OR OLD.organization_vector IS DISTINCT FROM NEW.organization_vector)
      EXECUTE FUNCTION resources.search_places_of_service()`);

    await q.query(`CREATE FUNCTION resources.search_places_of_service_at_location() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       PERFORM resources.rebuild_search_places(ARRAY(
         SELECT DISTINCT id FROM unnest(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD.service_id END,
                                              CASE WHEN TG_OP <> 'DELETE' THEN NEW.service_id END]) AS id
          WHERE id IS NOT NULL));
       RETURN NULL;
     END $$`);
    await q.query(`CREATE TRIGGER search_places_of_service_at_location AFTER INSERT OR UPDATE OR DELETE ON resources.service_at_location
      FOR EACH ROW EXECUTE FUNCTION resources.search_places_of_service_at_location()`);

    await q.query(`CREATE FUNCTION resources.search_places_of_location() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       PERFORM resources.rebuild_search_places(ARRAY(SELECT service_id FROM resources.service_at_location WHERE location_id = NEW.id));
       RETURN NULL;
     END $$`);
    await q.query(`CREATE TRIGGER search_places_of_location AFTER UPDATE OF latitude, longitude ON resources.location
      FOR EACH ROW WHEN (OLD.latitude IS DISTINCT FROM NEW.latitude OR OLD.longitude IS DISTINCT FROM NEW.longitude)
      EXECUTE FUNCTION resources.search_places_of_location()`);

    await q.query(`CREATE FUNCTION resources.search_places_of_category() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       PERFORM resources.rebuild_search_places(ARRAY(
         SELECT DISTINCT id FROM unnest(ARRAY[
           CASE WHEN TG_OP <> 'INSERT' AND OLD.link_entity = 'service' THEN OLD.link_id END,
           CASE WHEN TG_OP <> 'DELETE' AND NEW.link_entity = 'service' THEN NEW.link_id END]) AS id
          WHERE id IS NOT NULL));
       RETURN NULL;
     END $$`);
    await q.query(`CREATE TRIGGER search_places_of_category AFTER INSERT OR UPDATE OR DELETE ON resources.attribute
      FOR EACH ROW EXECUTE FUNCTION resources.search_places_of_category()`);

    await q.query('SELECT resources.rebuild_search_places(ARRAY(SELECT id FROM resources.service))');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER search_places_of_category ON resources.attribute');
    await q.query('DROP TRIGGER search_places_of_location ON resources.location');
    await q.query('DROP TRIGGER search_places_of_service_at_location ON resources.service_at_location');
    await q.query('DROP TRIGGER search_places_of_changed_service ON resources.service');
    await q.query('DROP TRIGGER search_places_of_new_service ON resources.service');
    await q.query('DROP FUNCTION resources.search_places_of_category()');
    await q.query('DROP FUNCTION resources.search_places_of_location()');
    await q.query('DROP FUNCTION resources.search_places_of_service_at_location()');
    await q.query('DROP FUNCTION resources.search_places_of_service()');
    await q.query('DROP FUNCTION resources.rebuild_search_places(uuid[])');
    await q.query('DROP TABLE resources.search_place');
  }
}
