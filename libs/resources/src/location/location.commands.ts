import type { EntityManager } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import { notFound, oneOf, optionalText, uuid } from '@caseflow/core';
import { changedFields, creationChanges, type Row } from '../directory-edit/changes';
import { insertRow, lockRow, recordMetadata, updateRow } from '../directory-edit/changes.sql';
import type { EditScope } from '../directory-edit/edit-scope';
import { coordinates, LIMITS, LOCATION_TYPES } from '../directory-edit/fields.rules';
import { OrganizationEntity } from '../organization/organization.entity';
import { LocationEntity } from './location.entity';
import type { CreateLocationInput, UpdateLocationInput } from './location.inputs';
import { toLocation } from './location.mapper';
import { addressColumns } from './location.rules';
import { addressIdOfType } from './location.sql';
import type { Location } from './location.type';

/** Creating and changing locations (with their address), for partners (their own organization's) and admins. */
export class LocationCommands {
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
      if (!(await tx.existsBy(OrganizationEntity, { id: organizationId }))) throw notFound('Organization', organizationId);
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
    const id = await addressIdOfType(tx, locationId, address.address_type as string);
    if (id === null) {
      const values = { location_id: locationId, ...address };
      const newId = await insertRow(tx, 'address', values);
      await recordMetadata(tx, actor, 'address', newId, 'create', creationChanges(values));
      return true;
    }
    const changes = changedFields((await lockRow(tx, 'address', id)) as Row, address);
    await updateRow(tx, 'address', id, changes);
    await recordMetadata(tx, actor, 'address', id, 'update', changes);
    return changes.length > 0;
  }
}
