import type { EntityManager } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import { badInput, notFound, oneOf, optionalText, requiredText, uuid, uuidList } from '@caseflow/core';
import { ServiceAtLocationEntity } from '../service-at-location/service-at-location.entity';
import { toServiceAtLocation } from '../service-at-location/service-at-location.mapper';
import type { ServiceAtLocation } from '../service-at-location/service-at-location.type';
import { ServiceEntity } from '../service/service.entity';
import { toService } from '../service/service.mapper';
import type { Service } from '../service/service.type';
import {
  changedFields,
  creationChanges,
  deletionChanges,
  insertRow,
  lockRow,
  recordMetadata,
  type Row,
  touchService,
  updateRow,
} from './changes';
import type { CreateServiceAtLocationInput, CreateServiceInput, UpdateServiceAtLocationInput, UpdateServiceInput } from './edit.inputs';
import { EditScope } from './edit-scope';
import { LIMITS, optionalAge, optionalEmail, optionalUrl, SERVICE_STATUSES } from './validate';

/** ISO 639 codes of the languages the directory names most; other languages are kept by name only. */
const LANGUAGE_CODES: Record<string, string> = {
  english: 'en',
  french: 'fr',
  arabic: 'ar',
  mandarin: 'zh',
  cantonese: 'yue',
  spanish: 'es',
  "mi'kmaq": 'mic',
  portuguese: 'pt',
  tigrinya: 'ti',
  farsi: 'fa',
  persian: 'fa',
  ukrainian: 'uk',
  punjabi: 'pa',
  hindi: 'hi',
  'american sign language': 'ase',
};

type ServiceFields = Omit<UpdateServiceInput, 'languages' | 'taxonomyTermIds'>;

/** Each input field of a service: its column and its check. */
const SERVICE_FIELDS: { [K in keyof ServiceFields]-?: [string, (field: string, value: ServiceFields[K]) => unknown] } = {
  name: ['name', (f, v) => requiredText(f, v, { max: LIMITS.name })],
  alternateName: ['alternate_name', (f, v) => optionalText(f, v, { max: LIMITS.name })],
  description: ['description', (f, v) => optionalText(f, v, { max: LIMITS.longText })],
  url: ['url', optionalUrl],
  email: ['email', optionalEmail],
  applicationProcess: ['application_process', (f, v) => optionalText(f, v, { max: LIMITS.longText })],
  feesDescription: ['fees_description', (f, v) => optionalText(f, v, { max: LIMITS.longText })],
  eligibilityDescription: ['eligibility_description', (f, v) => optionalText(f, v, { max: LIMITS.longText })],
  minimumAge: ['minimum_age', optionalAge],
  maximumAge: ['maximum_age', optionalAge],
};

/**
 * The checked columns of the given fields. Creating, every field counts; on
 * update a field left out keeps its value and an explicit null clears it.
 */
function serviceColumns(input: ServiceFields, creating: boolean): Row {
  const columns: Row = {};
  for (const [key, [column, check]] of Object.entries(SERVICE_FIELDS) as Array<
    [keyof ServiceFields, [string, (f: string, v: unknown) => unknown]]
  >) {
    if (creating || input[key] !== undefined) columns[column] = check(`input.${key}`, input[key]);
  }
  return columns;
}

function checkAges(row: Row): void {
  const min = row.minimum_age as number | null | undefined;
  const max = row.maximum_age as number | null | undefined;
  if (min != null && max != null && Number(max) < Number(min)) throw badInput('input.maximumAge', 'must not be less than minimumAge');
}

function languageList(values: string[] | null | undefined): string[] | null {
  if (values == null) return null;
  if (values.length > LIMITS.list) throw badInput('input.languages', `must list at most ${LIMITS.list} languages`);
  const names = values.map((v) => requiredText('input.languages', v, { max: 100 }));
  return [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];
}

/** Creating and changing services and their services at locations, for partners (their own) and admins. */
export class ServiceEditService {
  constructor(private readonly scope: EditScope) {}

  async create(actor: Actor, input: CreateServiceInput): Promise<Service> {
    this.scope.assertEditorRole(actor, 'Service');
    const organizationId = uuid('input.organizationId', input.organizationId);
    const columns = serviceColumns(input, true);
    const status = input.status == null ? 'active' : oneOf('input.status', input.status, SERVICE_STATUSES);
    checkAges(columns);
    const languages = languageList(input.languages) ?? [];
    const termIds = uuidList('input.taxonomyTermIds', input.taxonomyTermIds, { max: LIMITS.list }) ?? [];

    return this.scope.dataSource.transaction(async (tx) => {
      const org = await tx.query('SELECT id FROM resources.organization WHERE id = $1', [organizationId]);
      if (org.length === 0) throw notFound('Organization', organizationId);
      this.scope.assertMayEdit(actor, organizationId, 'Service', null);
      await this.assertTermsExist(tx, termIds);
      const values = { organization_id: organizationId, status, ...columns };
      const id = await insertRow(tx, 'service', values);
      await recordMetadata(tx, actor, 'service', id, 'create', creationChanges(values));
      await this.replaceLanguages(tx, actor, id, languages);
      await this.replaceTerms(tx, actor, id, termIds);
      await this.scope.audit.write(tx, { action: 'CREATE', entityType: 'Service', entityId: id, detail: `organization ${organizationId}` });
      return toService(await tx.getRepository(ServiceEntity).findOneByOrFail({ id }));
    });
  }

  async update(actor: Actor, id: string, input: UpdateServiceInput): Promise<Service> {
    this.scope.assertEditorRole(actor, 'Service');
    const serviceId = uuid('id', id);
    const columns = serviceColumns(input, false);
    const languages = languageList(input.languages);
    const termIds = uuidList('input.taxonomyTermIds', input.taxonomyTermIds, { max: LIMITS.list });
    return this.change(actor, serviceId, columns, async (tx) => {
      if (termIds) await this.assertTermsExist(tx, termIds);
      const listsChanged = [
        languages && (await this.replaceLanguages(tx, actor, serviceId, languages)),
        termIds && (await this.replaceTerms(tx, actor, serviceId, termIds)),
      ];
      return listsChanged.some(Boolean);
    });
  }

  async setStatus(actor: Actor, id: string, status: string): Promise<Service> {
    this.scope.assertEditorRole(actor, 'Service');
    const serviceId = uuid('id', id);
    return this.change(actor, serviceId, { status: oneOf('status', status, SERVICE_STATUSES) });
  }

  async createAtLocation(actor: Actor, input: CreateServiceAtLocationInput): Promise<ServiceAtLocation> {
    this.scope.assertEditorRole(actor, 'ServiceAtLocation');
    const serviceId = uuid('input.serviceId', input.serviceId);
    const locationId = uuid('input.locationId', input.locationId);
    const description = optionalText('input.description', input.description, { max: LIMITS.longText });
    return this.scope.dataSource.transaction(async (tx) => {
      const service = await lockRow(tx, 'service', serviceId);
      if (!service) throw notFound('Service', serviceId);
      this.scope.assertMayEdit(actor, service.organization_id as string, 'ServiceAtLocation', null);
      const location = await tx.query('SELECT id FROM resources.location WHERE id = $1', [locationId]);
      if (location.length === 0) throw notFound('Location', locationId);
      const existing = await tx.query('SELECT id FROM resources.service_at_location WHERE service_id = $1 AND location_id = $2', [
        serviceId,
        locationId,
      ]);
      if (existing.length > 0) throw badInput('input.locationId', 'already has this service (update that service at location instead)');
      const values = { service_id: serviceId, location_id: locationId, description };
      const salId = await insertRow(tx, 'service_at_location', values);
      await recordMetadata(tx, actor, 'service_at_location', salId, 'create', creationChanges(values));
      await touchService(tx, serviceId);
      await this.scope.audit.write(tx, { action: 'CREATE', entityType: 'ServiceAtLocation', entityId: salId });
      return toServiceAtLocation(await tx.getRepository(ServiceAtLocationEntity).findOneByOrFail({ id: salId }));
    });
  }

  async updateAtLocation(actor: Actor, id: string, input: UpdateServiceAtLocationInput): Promise<ServiceAtLocation> {
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

  /** Locks the service, checks the caller, applies `columns` and whatever `more` changes; metadata and audit for each. */
  private change(actor: Actor, serviceId: string, columns: Row, more?: (tx: EntityManager) => Promise<boolean>): Promise<Service> {
    return this.scope.dataSource.transaction(async (tx) => {
      const row = await lockRow(tx, 'service', serviceId);
      if (!row) throw notFound('Service', serviceId);
      this.scope.assertMayEdit(actor, row.organization_id as string, 'Service', serviceId);
      checkAges({ ...row, ...columns });
      const changes = changedFields(row, columns);
      await updateRow(tx, 'service', serviceId, changes);
      await recordMetadata(tx, actor, 'service', serviceId, 'update', changes);
      const listsChanged = more ? await more(tx) : false;
      if (changes.length > 0 || listsChanged) {
        await touchService(tx, serviceId);
        const fields = [...changes.map((c) => c.field), ...(listsChanged ? ['lists'] : [])];
        await this.scope.audit.write(tx, { action: 'UPDATE', entityType: 'Service', entityId: serviceId, detail: fields.join(',') });
      }
      return toService(await tx.getRepository(ServiceEntity).findOneByOrFail({ id: serviceId }));
    });
  }

  private async assertTermsExist(tx: EntityManager, termIds: string[]): Promise<void> {
    if (termIds.length === 0) return;
    const found: Array<{ n: number }> = await tx.query(
      'SELECT count(*)::int AS n FROM resources.taxonomy_term WHERE id = ANY($1::uuid[])',
      [termIds],
    );
    if (found[0].n !== termIds.length) throw badInput('input.taxonomyTermIds', 'names a term that does not exist');
  }

  /** Makes the service's languages exactly `names`; true when anything changed. */
  private async replaceLanguages(tx: EntityManager, actor: Actor, serviceId: string, names: string[]): Promise<boolean> {
    const current: Row[] = await tx.query('SELECT id, service_id, name, code FROM resources.language WHERE service_id = $1', [serviceId]);
    const wanted = new Map(names.map((n) => [n.toLowerCase(), n]));
    const have = new Set(current.map((r) => String(r.name ?? r.code).toLowerCase()));
    let changed = false;
    for (const row of current.filter((r) => !wanted.has(String(r.name ?? r.code).toLowerCase()))) {
      await tx.query('DELETE FROM resources.language WHERE id = $1', [row.id]);
      await recordMetadata(tx, actor, 'language', row.id as string, 'delete', deletionChanges(row));
      changed = true;
    }
    for (const [key, name] of wanted) {
      if (have.has(key)) continue;
      const values = { service_id: serviceId, name, code: LANGUAGE_CODES[key] ?? null };
      const id = await insertRow(tx, 'language', values);
      await recordMetadata(tx, actor, 'language', id, 'create', creationChanges(values));
      changed = true;
    }
    return changed;
  }

  /** Makes the service's taxonomy terms exactly `termIds`; true when anything changed. */
  private async replaceTerms(tx: EntityManager, actor: Actor, serviceId: string, termIds: string[]): Promise<boolean> {
    const current: Row[] = await tx.query(
      `SELECT id, link_id, link_type, link_entity, taxonomy_term_id FROM resources.attribute WHERE link_id = $1 AND link_entity = 'service'`,
      [serviceId],
    );
    const wanted = new Set(termIds);
    let changed = false;
    for (const row of current.filter((r) => !wanted.has(r.taxonomy_term_id as string))) {
      await tx.query('DELETE FROM resources.attribute WHERE id = $1', [row.id]);
      await recordMetadata(tx, actor, 'attribute', row.id as string, 'delete', deletionChanges(row));
      changed = true;
    }
    const have = new Set(current.map((r) => r.taxonomy_term_id));
    for (const termId of termIds.filter((t) => !have.has(t))) {
      const values = { link_id: serviceId, link_type: 'service', link_entity: 'service', taxonomy_term_id: termId };
      const id = await insertRow(tx, 'attribute', values);
      await recordMetadata(tx, actor, 'attribute', id, 'create', creationChanges(values));
      changed = true;
    }
    return changed;
  }
}
