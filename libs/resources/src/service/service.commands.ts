import type { EntityManager } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import { badInput, notFound, oneOf, uuid, uuidList } from '@caseflow/core';
import { anyOf } from '@caseflow/db';
import { changedFields, creationChanges, deletionChanges, type Row } from '../directory-edit/changes';
import { insertRow, lockRow, recordMetadata, updateRow } from '../directory-edit/changes.sql';
import type { EditScope } from '../directory-edit/edit-scope';
import { LIMITS, SERVICE_STATUSES } from '../directory-edit/fields.rules';
import { OrganizationEntity } from '../organization/organization.entity';
import { AttributeEntity } from '../taxonomy/attribute.entity';
import { TaxonomyTermEntity } from '../taxonomy/taxonomy-term.entity';
import { LanguageEntity } from './language.entity';
import { ServiceEntity } from './service.entity';
import type { CreateServiceInput, UpdateServiceInput } from './service.inputs';
import { toService } from './service.mapper';
import { checkAges, LANGUAGE_CODES, languageList, serviceColumns } from './service.rules';
import { categoriesOfService, languagesOfService, touchService } from './service.sql';
import type { Service } from './service.type';

/** Creating and changing services, their languages and categories, for partners (their own) and admins. */
export class ServiceCommands {
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
      if (!(await tx.existsBy(OrganizationEntity, { id: organizationId }))) throw notFound('Organization', organizationId);
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
    const found = await tx.countBy(TaxonomyTermEntity, { id: anyOf(termIds) });
    if (found !== termIds.length) throw badInput('input.taxonomyTermIds', 'names a term that does not exist');
  }

  /** Makes the service's languages exactly `names`; true when anything changed. */
  private async replaceLanguages(tx: EntityManager, actor: Actor, serviceId: string, names: string[]): Promise<boolean> {
    const current = await languagesOfService(tx, serviceId);
    const wanted = new Map(names.map((n) => [n.toLowerCase(), n]));
    const have = new Set(current.map((r) => String(r.name ?? r.code).toLowerCase()));
    let changed = false;
    for (const row of current.filter((r) => !wanted.has(String(r.name ?? r.code).toLowerCase()))) {
      await tx.delete(LanguageEntity, { id: row.id });
      await recordMetadata(tx, actor, 'language', row.id, 'delete', deletionChanges(row));
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
    const current = await categoriesOfService(tx, serviceId);
    const wanted = new Set(termIds);
    let changed = false;
    for (const row of current.filter((r) => !wanted.has(r.taxonomy_term_id))) {
      await tx.delete(AttributeEntity, { id: row.id });
      await recordMetadata(tx, actor, 'attribute', row.id, 'delete', deletionChanges(row));
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
