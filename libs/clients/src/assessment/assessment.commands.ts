/**
 * Needs assessments: a dated rating of characteristics (the standard
 * checklist or the agency's own) as asset, barrier or not applicable, with a
 * plan to compensate each barrier. Counts are computed when it is recorded;
 * assessments are never changed afterwards (a new one supersedes).
 */
import type { Repository } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import { forbidden, optionalText, uuid } from '@caseflow/core';
import { hasCaseAccess } from '../access/access.policy';
import { recomputePriorities } from '../caseload/priority.store';
import { lockClient } from '../client/client.commands';
import { type AssessmentDomain, AssessmentEntity, AssessmentItemEntity, CharacteristicEntity } from './assessment.entity';
import type { RecordAssessmentInput } from './assessment.inputs';
import { toAssessment } from './assessment.mapper';
import { checkAssessmentItems, checkItemCount, countRatings, newCharacteristics } from './assessment.rules';
import type { NeedsAssessment } from './assessment.type';
import type { ClientsDeps } from '../deps';

export class AssessmentCommands {
  constructor(private readonly deps: ClientsDeps) {}

  async record(actor: Actor, input: RecordAssessmentInput): Promise<NeedsAssessment> {
    uuid('input.clientId', input.clientId);
    checkItemCount(input.items);
    const summary = optionalText('input.summary', input.summary, { max: 5000 });
    const items = checkAssessmentItems(input.items);

    const saved = await this.deps.dataSource.transaction(async (tx) => {
      const client = await lockClient(tx, input.clientId);
      if (!hasCaseAccess(actor, client)) {
        this.deps.audit.note({ action: 'CREATE', entityType: 'NeedsAssessment', clientId: client.id, outcome: 'DENIED' });
        throw forbidden('You may not assess this client');
      }
      const assessment = await tx.getRepository(AssessmentEntity).save(
        tx.getRepository(AssessmentEntity).create({
          clientId: client.id,
          assessedAt: new Date(),
          assessedBy: actor.staffId,
          summary,
          ...countRatings(items),
        }),
      );
      await tx.getRepository(AssessmentItemEntity).insert(items.map((item) => ({ ...item, assessmentId: assessment.id })));
      await this.addAgencyCharacteristics(tx.getRepository(CharacteristicEntity), actor.organizationId, items);
      await this.deps.audit.write(tx, { action: 'CREATE', entityType: 'NeedsAssessment', entityId: assessment.id, clientId: client.id });
      await recomputePriorities(tx, [client.id]);
      return assessment;
    });
    return toAssessment(saved);
  }

  /** Characteristics not on the checklist yet become the agency's own, so that the next assessment offers them. */
  private async addAgencyCharacteristics(
    repository: Repository<CharacteristicEntity>,
    organizationId: string,
    items: Array<{ domain: AssessmentDomain; characteristic: string }>,
  ): Promise<void> {
    const known = await repository
      .createQueryBuilder('c')
      .where('c.organization_id IS NULL OR c.organization_id = :org', { org: organizationId })
      .getMany();
    const added = newCharacteristics(items, known);
    if (added.length === 0) return;
    await repository
      .createQueryBuilder()
      .insert()
      .values(added.map((i, n) => ({ organizationId, domain: i.domain, name: i.characteristic, position: 1000 + n })))
      .orIgnore()
      .execute();
  }
}
