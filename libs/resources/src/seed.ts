import type { DataSource } from 'typeorm';
import { type DemoWorld, demoId } from '@caseflow/demo';
import { insertRows } from './shared/insert-rows';
import { SERVICE_CATEGORY } from './taxonomy/attribute.entity';
import { OPEN_ELIGIBILITY, openEligibilityTerms, readOpenEligibilityCsv } from './taxonomy/open-eligibility';

const CITY = { city: 'Harbour City', stateProvince: 'NS', country: 'CA' };
const TIMEZONE = 'America/Halifax';

/** Every third service is also delivered in French, so that language filters have something to find. */
const offersFrench = (index: number) => index % 3 === 0;

/**
 * Writes the directory's part of the demo world: the Open Eligibility
 * taxonomy, then the organizations, their locations (with a physical
 * address), services (tagged with their categories), service-at-location
 * rows with weekday opening hours, a phone per organization and the
 * languages of each service. Deterministic ids and ON CONFLICT DO NOTHING
 * make it safe to run twice; one statement per table.
 */
export async function seedResources(dataSource: DataSource, world: DemoWorld): Promise<void> {
  const terms = openEligibilityTerms(readOpenEligibilityCsv());
  const termIdByCode = new Map<string, string>();
  for (const term of terms) if (!termIdByCode.has(term.code)) termIdByCode.set(term.code, term.id);
  const termId = (code: string) => {
    const id = termIdByCode.get(code);
    if (!id) throw new Error(`The demo world tags a service with ${code}, which is not an Open Eligibility code`);
    return id;
  };

  await dataSource.transaction(async (tx) => {
    await insertRows(tx, 'taxonomy', ['id', 'name', 'description', 'uri', 'version'], [
      [OPEN_ELIGIBILITY.id, OPEN_ELIGIBILITY.name, OPEN_ELIGIBILITY.description, null, OPEN_ELIGIBILITY.version],
    ]);
    await insertRows(
      tx,
      'taxonomy_term',
      ['id', 'taxonomy_id', 'code', 'name', 'description', 'parent_id'],
      terms.map((t) => [t.id, OPEN_ELIGIBILITY.id, t.code, t.name, t.description, t.parentId]),
    );

    await insertRows(
      tx,
      'organization',
      ['id', 'name', 'description', 'email', 'website'],
      world.organizations.map((o) => [o.id, o.name, o.description, o.email, o.website]),
    );
    await insertRows(
      tx,
      'location',
      ['id', 'organization_id', 'name', 'location_type', 'latitude', 'longitude'],
      world.locations.map((l) => [l.id, l.organizationId, l.name, 'physical', l.latitude, l.longitude]),
    );
    await insertRows(
      tx,
      'address',
      ['id', 'location_id', 'address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type'],
      world.locations.map((l) => [demoId('address', l.id), l.id, l.address1, CITY.city, CITY.stateProvince, l.postalCode, CITY.country, 'physical']),
    );

    await insertRows(
      tx,
      'service',
      ['id', 'organization_id', 'name', 'description', 'status'],
      world.services.map((s) => [s.id, s.organizationId, s.name, s.description, 'active']),
    );
    await insertRows(
      tx,
      'service_at_location',
      ['id', 'service_id', 'location_id'],
      world.services.map((s) => [s.serviceAtLocationId, s.id, s.locationId]),
    );
    await insertRows(
      tx,
      'attribute',
      ['id', 'link_id', 'link_type', 'link_entity', 'taxonomy_term_id'],
      world.services.flatMap((s) =>
        s.taxonomyCodes.map((code) => [demoId('attribute', `${s.id}:${code}`), s.id, SERVICE_CATEGORY.linkType, SERVICE_CATEGORY.linkEntity, termId(code)]),
      ),
    );

    await insertRows(
      tx,
      'phone',
      ['id', 'organization_id', 'number', 'type', 'description'],
      world.organizations.map((o, i) => [demoId('phone', o.id), o.id, `+1 902-555-01${String(i + 10).padStart(2, '0')}`, 'voice', 'Main line']),
    );
    await insertRows(
      tx,
      'schedule',
      ['id', 'service_at_location_id', 'freq', 'wkst', 'byday', 'opens_at', 'closes_at', 'timezone', 'description'],
      world.services.map((s) => [
        demoId('schedule', s.serviceAtLocationId),
        s.serviceAtLocationId,
        'WEEKLY',
        'MO',
        'MO,TU,WE,TH,FR',
        '09:00',
        '17:00',
        TIMEZONE,
        'Monday to Friday, 9 am to 5 pm',
      ]),
    );
    await insertRows(
      tx,
      'language',
      ['id', 'service_id', 'name', 'code'],
      world.services.flatMap((s, i) => [
        [demoId('language', `${s.id}:en`), s.id, 'English', 'en'],
        ...(offersFrench(i) ? [[demoId('language', `${s.id}:fr`), s.id, 'French', 'fr']] : []),
      ]),
    );
  });
}
