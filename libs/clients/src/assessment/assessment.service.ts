/**
 * Needs assessments: a dated rating of characteristics (the standard
 * checklist or the agency's own) as asset, barrier or not applicable, with a
 * plan to compensate each barrier. Counts are computed when it is recorded;
 * assessments are never changed afterwards (a new one supersedes).
 */
import type { DataSource } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import type { AuditTrail } from '@caseflow/audit';
import { badInput, forbidden, notFound, optionalText, requiredText, uuid } from '@caseflow/core';
import { hasCaseAccess } from '../access/access.policy';
import { recomputePriorities } from '../caseload/priority.store';
import { ClientEntity } from '../client/client.entity';
import type { Client } from '../client/client.type';
import type { ClientsLoaders } from '../loaders';
import { NAME_MAX, TEXT_MAX } from '../shared/validation';
import {
  type AssessmentDomain,
  AssessmentEntity,
  AssessmentItemEntity,
  type AssessmentRating,
  CharacteristicEntity,
} from './assessment.entity';
import type { AssessmentCharacteristic, AssessmentItem, NeedsAssessment, RecordAssessmentInput } from './assessment.type';

export const MAX_ITEMS = 200;

export function toAssessment(entity: AssessmentEntity): NeedsAssessment {
  return {
    id: entity.id,
    assessedAt: entity.assessedAt,
    barrierCount: entity.barrierCount,
    assetCount: entity.assetCount,
    summary: entity.summary,
    clientId: entity.clientId,
    assessedById: entity.assessedBy,
  };
}

export function toItem(entity: AssessmentItemEntity): AssessmentItem {
  return {
    domain: entity.domain,
    characteristic: entity.characteristic,
    rating: entity.rating,
    notes: entity.notes,
    planToCompensate: entity.planHow ? { how: entity.planHow, byWhen: entity.planByWhen, whoHelps: entity.planWhoHelps } : null,
  };
}

/** True when the caller may read the client's assessments (case access, or a consent covering ASSESSMENTS). */
export function mayReadAssessments(client: Client): boolean {
  return client.access.caseRecord || client.access.kinds.includes('ASSESSMENTS');
}

export class AssessmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly loaders: ClientsLoaders,
    private readonly audit: AuditTrail,
  ) {}

  async forClient(client: Client): Promise<NeedsAssessment[]> {
    if (!mayReadAssessments(client)) throw forbidden("The client's assessments are outside the consent to your organization");
    const rows = await this.loaders.assessmentsByClient.load(client.id);
    for (const row of rows) this.audit.note({ action: 'READ', entityType: 'NeedsAssessment', entityId: row.id, clientId: client.id });
    return rows.map(toAssessment);
  }

  async latest(client: Client): Promise<NeedsAssessment | null> {
    const all = await this.forClient(client);
    return all[0] ?? null;
  }

  async items(assessment: NeedsAssessment, rating?: AssessmentRating | null, domain?: AssessmentDomain | null): Promise<AssessmentItem[]> {
    const rows = await this.loaders.assessmentItems.load(assessment.id);
    return rows.filter((r) => (!rating || r.rating === rating) && (!domain || r.domain === domain)).map(toItem);
  }

  /** The checklist the caller's agency rates: the standard characteristics and its own. */
  async checklist(actor: Actor): Promise<AssessmentCharacteristic[]> {
    const rows = await this.dataSource
      .getRepository(CharacteristicEntity)
      .createQueryBuilder('c')
      .where('c.organization_id IS NULL OR c.organization_id = :org', { org: actor.organizationId })
      .orderBy('c.organization_id', 'ASC', 'NULLS FIRST')
      .addOrderBy('c.domain')
      .addOrderBy('c.position')
      .getMany();
    return rows.map((r) => ({ domain: r.domain, name: r.name, standard: r.organizationId === null }));
  }

  async record(actor: Actor, input: RecordAssessmentInput): Promise<NeedsAssessment> {
    uuid('input.clientId', input.clientId);
    if (input.items.length === 0) throw badInput('input.items', 'must rate at least one characteristic');
    if (input.items.length > MAX_ITEMS) throw badInput('input.items', `must hold at most ${MAX_ITEMS} items`);
    const summary = optionalText('input.summary', input.summary, { max: 5000 });
    const seen = new Set<string>();
    const items = input.items.map((item, i) => {
      const field = `input.items[${i}]`;
      const characteristic = requiredText(`${field}.characteristic`, item.characteristic, { max: NAME_MAX });
      const key = `${item.domain}|${characteristic.toLowerCase()}`;
      if (seen.has(key)) throw badInput(`${field}.characteristic`, 'is rated twice in this assessment');
      seen.add(key);
      const plan = item.planToCompensate;
      return {
        position: i,
        domain: item.domain,
        characteristic,
        rating: item.rating,
        notes: optionalText(`${field}.notes`, item.notes, { max: TEXT_MAX }),
        planHow: plan ? requiredText(`${field}.planToCompensate.how`, plan.how, { max: TEXT_MAX }) : null,
        planByWhen: plan?.byWhen ?? null,
        planWhoHelps: plan ? optionalText(`${field}.planToCompensate.whoHelps`, plan.whoHelps, { max: NAME_MAX }) : null,
      };
    });
    items.forEach((item, i) => {
      if (item.planHow && item.rating !== 'BARRIER') throw badInput(`input.items[${i}].planToCompensate`, 'is only for a barrier');
    });

    const saved = await this.dataSource.transaction(async (tx) => {
      const client = await tx
        .getRepository(ClientEntity)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.id = :id', { id: input.clientId })
        .getOne();
      if (!client) throw notFound('Client', input.clientId);
      if (!hasCaseAccess(actor, client)) {
        this.audit.note({ action: 'CREATE', entityType: 'NeedsAssessment', clientId: client.id, outcome: 'DENIED' });
        throw forbidden('You may not assess this client');
      }
      const assessment = await tx.getRepository(AssessmentEntity).save(
        tx.getRepository(AssessmentEntity).create({
          clientId: client.id,
          assessedAt: new Date(),
          assessedBy: actor.staffId,
          summary,
          barrierCount: items.filter((i) => i.rating === 'BARRIER').length,
          assetCount: items.filter((i) => i.rating === 'ASSET').length,
        }),
      );
      await tx.getRepository(AssessmentItemEntity).insert(items.map((item) => ({ ...item, assessmentId: assessment.id })));
      await this.addAgencyCharacteristics(tx.getRepository(CharacteristicEntity), actor.organizationId, items);
      await this.audit.write(tx, { action: 'CREATE', entityType: 'NeedsAssessment', entityId: assessment.id, clientId: client.id });
      await recomputePriorities(tx, [client.id]);
      return assessment;
    });
    return toAssessment(saved);
  }

  /** Characteristics not on the checklist yet become the agency's own, so that the next assessment offers them. */
  private async addAgencyCharacteristics(
    repository: import('typeorm').Repository<CharacteristicEntity>,
    organizationId: string,
    items: Array<{ domain: AssessmentDomain; characteristic: string }>,
  ): Promise<void> {
    const known = await repository
      .createQueryBuilder('c')
      .where('c.organization_id IS NULL OR c.organization_id = :org', { org: organizationId })
      .getMany();
    const names = new Set(known.map((k) => `${k.domain}|${k.name.toLowerCase()}`));
    const added = items.filter((i) => !names.has(`${i.domain}|${i.characteristic.toLowerCase()}`));
    if (added.length === 0) return;
    await repository
      .createQueryBuilder()
      .insert()
      .values(added.map((i, n) => ({ organizationId, domain: i.domain, name: i.characteristic, position: 1000 + n })))
      .orIgnore()
      .execute();
  }
}
