import type { Actor } from '@caseflow/auth';
import { badInput, notFound, optionalText, uuid } from '@caseflow/core';
import { changedFields, creationChanges } from '../directory-edit/changes';
import { insertRow, lockRow, recordMetadata, updateRow } from '../directory-edit/changes.sql';
import type { EditScope } from '../directory-edit/edit-scope';
import { LIMITS } from '../directory-edit/fields.rules';
import { LocationEntity } from '../location/location.entity';
import { touchService } from '../service/service.sql';
import { ServiceAtLocationEntity } from './service-at-location.entity';
import type { CreateServiceAtLocationInput, UpdateServiceAtLocationInput } from './service-at-location.inputs';
import { toServiceAtLocation } from './service-at-location.mapper';
import type { ServiceAtLocation } from './service-at-location.type';

/**
 * Services delivered at locations, for partners (their own services) and
 * admins. The location may be another organization's (a shared venue); the
 * service decides who may edit, and a change bumps its `last_modified`.
 */
export class ServiceAtLocationCommands {
  constructor(private readonly scope: EditScope) {}

  async create(actor: Actor, input: CreateServiceAtLocationInput): Promise<ServiceAtLocation> {
    this.scope.assertEditorRole(actor, 'ServiceAtLocation');
    const serviceId = uuid('input.serviceId', input.serviceId);
    const locationId = uuid('input.locationId', input.locationId);
    const description = optionalText('input.description', input.description, { max: LIMITS.longText });
    return this.scope.dataSource.transaction(async (tx) => {
      const service = await lockRow(tx, 'service', serviceId);
      if (!service) throw notFound('Service', serviceId);
      this.scope.assertMayEdit(actor, service.organization_id as string, 'ServiceAtLocation', null);
      if (!(await tx.existsBy(LocationEntity, { id: locationId }))) throw notFound('Location', locationId);
      if (await tx.existsBy(ServiceAtLocationEntity, { serviceId, locationId }))
        throw badInput('input.locationId', 'already has this service (update that service at location instead)');
      const values = { service_id: serviceId, location_id: locationId, description };
      const salId = await insertRow(tx, 'service_at_location', values);
      await recordMetadata(tx, actor, 'service_at_location', salId, 'create', creationChanges(values));
      await touchService(tx, serviceId);
      await this.scope.audit.write(tx, { action: 'CREATE', entityType: 'ServiceAtLocation', entityId: salId });
      return toServiceAtLocation(await tx.getRepository(ServiceAtLocationEntity).findOneByOrFail({ id: salId }));
    });
  }

  async update(actor: Actor, id: string, input: UpdateServiceAtLocationInput): Promise<ServiceAtLocation> {
    this.scope.assertEditorRole(actor, 'ServiceAtLocation');
    const salId = uuid('id', id);
    const description = optionalText('input.description', input.description, { max: LIMITS.longText });
    return this.scope.dataSource.transaction(async (tx) => {
      const row = await lockRow(tx, 'service_at_location', salId);
      if (!row) throw notFound('ServiceAtLocation', salId);
      const service = await lockRow(tx, 'service', row.service_id as string);
      this.scope.assertMayEdit(actor, (service?.organization_id as string) ?? null, 'ServiceAtLocation', salId);
      const changes = changedFields(row, { description });
      await updateRow(tx, 'service_at_location', salId, changes);
      await recordMetadata(tx, actor, 'service_at_location', salId, 'update', changes);
      if (changes.length > 0) {
        await touchService(tx, row.service_id as string);
        await this.scope.audit.write(tx, {
          action: 'UPDATE',
          entityType: 'ServiceAtLocation',
          entityId: salId,
          detail: changes.map((c) => c.field).join(','),
        });
      }
      return toServiceAtLocation(await tx.getRepository(ServiceAtLocationEntity).findOneByOrFail({ id: salId }));
    });
  }
}
