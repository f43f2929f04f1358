/**
 * Needs assessments as read: a client's, newest first, and the checklist of
 * the caller's agency. Reads check the caller against the client's record
 * (case access, or a consent covering ASSESSMENTS) and are audited.
 */
import type { Actor } from '@caseflow/auth';
import { requireAssessments } from '../client/client.policy';
import type { Client } from '../client/client.type';
import { type AssessmentDomain, type AssessmentRating, CharacteristicEntity } from './assessment.entity';
import { toAssessment, toItem } from './assessment.mapper';
import type { AssessmentCharacteristic, AssessmentItem, NeedsAssessment } from './assessment.type';
import type { ClientsDeps } from '../deps';

export class AssessmentQueries {
  constructor(private readonly deps: ClientsDeps) {}

  async forClient(client: Client): Promise<NeedsAssessment[]> {
    requireAssessments(client);
    const rows = await this.deps.loaders.assessmentsByClient.load(client.id);
    this.deps.audit.noteReads('NeedsAssessment', rows, client.id);
    return rows.map(toAssessment);
  }

  async latest(client: Client): Promise<NeedsAssessment | null> {
    const all = await this.forClient(client);
    return all[0] ?? null;
  }

  async items(assessment: NeedsAssessment, rating?: AssessmentRating | null, domain?: AssessmentDomain | null): Promise<AssessmentItem[]> {
    const rows = await this.deps.loaders.assessmentItems.load(assessment.id);
    return rows.filter((r) => (!rating || r.rating === rating) && (!domain || r.domain === domain)).map(toItem);
  }

  /** The checklist the caller's agency rates: the standard characteristics and its own. */
  async checklist(actor: Actor): Promise<AssessmentCharacteristic[]> {
    const rows = await this.deps.dataSource
      .getRepository(CharacteristicEntity)
      .createQueryBuilder('c')
      .where('c.organization_id IS NULL OR c.organization_id = :org', { org: actor.organizationId })
      .orderBy('c.organization_id', 'ASC', 'NULLS FIRST')
      .addOrderBy('c.domain')
      .addOrderBy('c.position')
      .getMany();
    return rows.map((r) => ({ domain: r.domain, name: r.name, standard: r.organizationId === null }));
  }
}
