import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A distance search reads the locations within a radius and the services
 * delivered there. At scale 100 (25,000 locations) those locations lie on
 * as many heap pages as there are locations: the GiST index and the
 * location index of services at locations now carry what the search reads
 * (index-only scans).
 */
export class CoveringSearchIndexes1763856000023 implements MigrationInterface {
  name = 'CoveringSearchIndexes1763856000023';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX resources.location_earth_idx');
    await q.query(`CREATE INDEX location_earth_idx ON resources.location USING gist (public.ll_to_earth(latitude, longitude)) INCLUDE (id, latitude, longitude)
                     WHERE latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180`);
    await q.query('DROP INDEX resources.service_at_location_location_idx');
    await q.query('CREATE INDEX service_at_location_location_idx ON resources.service_at_location (location_id) INCLUDE (id, service_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX resources.location_earth_idx');
    await q.query(`CREATE INDEX location_earth_idx ON resources.location USING gist (public.ll_to_earth(latitude, longitude))
                     WHERE latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180`);
    await q.query('DROP INDEX resources.service_at_location_location_idx');
    await q.query('CREATE INDEX service_at_location_location_idx ON resources.service_at_location (location_id)');
  }
}
