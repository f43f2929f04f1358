import type { EntityManager } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import { badInput, notFound, oneOf, optionalText, requiredText, uuid } from '@caseflow/core';
import { LocationEntity } from '../location/location.entity';
import { toLocation } from '../location/location.mapper';
import type { Location } from '../location/location.type';
import { changedFields, creationChanges, insertRow, lockRow, recordMetadata, type Row, updateRow } from './changes';
import type { AddressInput, CreateLocationInput, UpdateLocationInput } from './edit.inputs';
import { EditScope } from './edit-scope';
import { coordinates, LIMITS, LOCATION_TYPES } from './validate';

function addressColumns(input: AddressInput): Row {
  const country = requiredText('input.address.country', input.country, { max: 2 }).toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw badInput('input.address.country', 'must be an ISO 3166-1 alpha-2 code, e.g. CA');
  return {
    attention: optionalText('input.address.attention', input.attention, { max: LIMITS.name }),
    address_1: requiredText('input.address.address1', input.address1, { max: LIMITS.name }),
    address_2: optionalText('input.address.address2', input.address2, { max: LIMITS.name }),
    city: requiredText('input.address.city', input.city, { max: LIMITS.name }),
    region: optionalText('input.address.region', input.region, { max: LIMITS.name }),
    state_province: requiredText('input.address.stateProvince', input.stateProvince, { max: 100 }),
    postal_code: requiredText('input.address.postalCode', input.postalCode, { max: 20 }),
    country,
    address_type: input.addressType == null ? 'physical' : oneOf('input.address.addressType', input.addressType, LOCATION_TYPES),
  };
}

/** Creating and changing locations (with their address), for partners (their own organization's) and admins. */
export class LocationEditService {
  constructor(private readonly scope: EditScope) {}

  async create(actor: Actor, input: CreateLocationInput): Promise<Location> {
    this.scope.assertEditorRole(actor, 'Location');
    const organizationId = uuid('input.organizationId', input.organizationId);
    const values: Row = {
      organization_id: organizationId,
      name: optionalText('input.name', input.name, { max: LIMITS.name }),
      location_type: oneOf('input.locationType', input.locationType, LOCATION_TYPES),
      description: optionalText('input.description', input.description, { max: LIMITS.longText }),
      ...coordinates(input.latitude, input.longitude),
    };
    const address = input.address ? addressColumns(input.address) : null;
    return this.scope.dataSource.transaction(async (tx) => {
      const org = await tx.query('SELECT id FROM resources.organization WHERE id = $1', [organizationId]);
      if (org.length === 0) throw notFound('Organization', organizationId);
      this.scope.assertMayEdit(actor, organizationId, 'Location', null);
      const id = await insertRow(tx, 'location', values);
      await recordMetadata(tx, actor, 'location', id, 'create', creationChanges(values));
      if (address) await this.putAddress(tx, actor, id, address);
      await this.scope.audit.write(tx, {
        action: 'CREATE',
        entityType: 'Location',
        entityId: id,
        detail: `organization ${organizationId}`,
      });
      return toLocation(await tx.getRepository(LocationEntity).findOneByOrFail({ id }));
    });
  }

  async update(actor: Actor, id: string, input: UpdateLocationInput): Promise<Location> {
    this.scope.assertEditorRole(actor, 'Location');
    const locationId = uuid('id', id);
    const columns: Row = {};
    if (input.name !== undefined) columns.name = optionalText('input.name', input.name, { max: LIMITS.name });
    if (input.locationType !== undefined) columns.location_type = oneOf('input.locationType', input.locationType, LOCATION_TYPES);
    if (input.description !== undefined)
      columns.description = optionalText('input.description', input.description, { max: LIMITS.longText });
    if (input.latitude !== undefined || input.longitude !== undefined) Object.assign(columns, coordinates(input.latitude, input.longitude));
    const address = input.address ? addressColumns(input.address) : null;

    return this.scope.dataSource.transaction(async (tx) => {
      const row = await lockRow(tx, 'location', locationId);
      if (!row) throw notFound('Location', locationId);
      this.scope.assertMayEdit(actor, (row.organization_id as string | null) ?? null, 'Location', locationId);
      const changes = changedFields(row, columns);
      await updateRow(tx, 'location', locationId, changes);
      await recordMetadata(tx, actor, 'location', locationId, 'update', changes);
      const addressChanged = address ? await this.putAddress(tx, actor, locationId, address) : false;
      if (changes.length > 0 || addressChanged) {
        const fields = [...changes.map((c) => c.field), ...(addressChanged ? ['address'] : [])];
        await this.scope.audit.write(tx, { action: 'UPDATE', entityType: 'Location', entityId: locationId, detail: fields.join(',') });
      }
      return toLocation(await tx.getRepository(LocationEntity).findOneByOrFail({ id: locationId }));
    });
  }

  /** Sets the location's address of this address type (one per type); true when anything changed. */
  private async putAddress(tx: EntityManager, actor: Actor, locationId: string, address: Row): Promise<boolean> {
    const existing: Array<{ id: string }> = await tx.query(
      'SELECT id FROM resources.address WHERE location_id = $1 AND address_type = $2 ORDER BY id LIMIT 1 FOR UPDATE',
      [locationId, address.address_type],
    );
    if (existing.length === 0) {
      const values = { location_id: locationId, ...address };
      const id = await insertRow(tx, 'address', values);
      await recordMetadata(tx, actor, 'address', id, 'create', creationChanges(values));
      return true;
    }
    const id = existing[0].id;
    const changes = changedFields((await lockRow(tx, 'address', id)) as Row, address);
    await updateRow(tx, 'address', id, changes);
    await recordMetadata(tx, actor, 'address', id, 'update', changes);
    return changes.length > 0;
  }
}
