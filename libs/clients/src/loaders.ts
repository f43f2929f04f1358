import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { groupLoader, rowLoader } from '@caseflow/federation';
import { AssessmentEntity, AssessmentItemEntity } from './assessment/assessment.entity';
import { ClientEntity } from './client/client.entity';
import { ConsentEntity } from './consent/consent.entity';
import { EligibilityEntity } from './eligibility/eligibility.entity';
import { CaseEventEntity } from './history/case-event.entity';
import { StaffMemberEntity } from './staff/staff.entity';

/** Per-request loaders: every lookup by id in one request is one SQL statement per batch. */
export interface ClientsLoaders {
  client: DataLoader<string, ClientEntity | null>;
  staff: DataLoader<string, StaffMemberEntity | null>;
  consentsByClient: DataLoader<string, ConsentEntity[]>;
  consent: DataLoader<string, ConsentEntity | null>;
  eligibility: DataLoader<string, EligibilityEntity | null>;
  closure: DataLoader<string, CaseEventEntity | null>;
  duplicates: DataLoader<string, ClientEntity[]>;
  assessmentsByClient: DataLoader<string, AssessmentEntity[]>;
  assessment: DataLoader<string, AssessmentEntity | null>;
  assessmentItems: DataLoader<string, AssessmentItemEntity[]>;
}

export function createClientsLoaders(dataSource: DataSource): ClientsLoaders {
  return {
    client: rowLoader(
      (ids) => dataSource.getRepository(ClientEntity).findBy({ id: In(ids) }),
      (c) => c.id,
    ),
    staff: rowLoader(
      (ids) => dataSource.getRepository(StaffMemberEntity).findBy({ id: In(ids) }),
      (s) => s.id,
    ),
    consentsByClient: groupLoader(
      (ids) => dataSource.getRepository(ConsentEntity).findBy({ clientId: In(ids) }),
      (c) => c.clientId,
    ),
    consent: rowLoader(
      (ids) => dataSource.getRepository(ConsentEntity).findBy({ id: In(ids) }),
      (c) => c.id,
    ),
    eligibility: rowLoader(
      (ids) =>
        dataSource
          .getRepository(EligibilityEntity)
          .createQueryBuilder('e')
          .distinctOn(['e.client_id'])
          .where('e.client_id IN (:...ids)', { ids })
          .orderBy('e.client_id')
          .addOrderBy('e.determined_at', 'DESC')
          .getMany(),
      (e) => e.clientId,
    ),
    closure: rowLoader(
      (ids) =>
        dataSource
          .getRepository(CaseEventEntity)
          .createQueryBuilder('e')
          .distinctOn(['e.client_id'])
          .where(`e.client_id IN (:...ids) AND e.kind = 'CLOSED'`, { ids })
          .orderBy('e.client_id')
          .addOrderBy('e.at', 'DESC')
          .getMany(),
      (e) => e.clientId,
    ),
    duplicates: new DataLoader<string, ClientEntity[]>(async (ids) => {
      const pairs = (await dataSource.query(
        `SELECT c.id AS for_id, d.id FROM clients.client c
           JOIN clients.client d ON d.organization_id = c.organization_id AND d.date_of_birth = c.date_of_birth AND d.id <> c.id
            AND ((d.folded_first = c.folded_first AND d.folded_last = c.folded_last) OR (d.folded_first = c.folded_last AND d.folded_last = c.folded_first))
          WHERE c.id = ANY($1::uuid[])`,
        [ids],
      )) as Array<{ for_id: string; id: string }>;
      const found = pairs.length
        ? await dataSource.getRepository(ClientEntity).findBy({ id: In([...new Set(pairs.map((p) => p.id))]) })
        : [];
      const byId = new Map(found.map((f) => [f.id, f]));
      return ids.map((id) => pairs.filter((p) => p.for_id === id).map((p) => byId.get(p.id) as ClientEntity));
    }),
    assessmentsByClient: groupLoader(
      (ids) => dataSource.getRepository(AssessmentEntity).find({ where: { clientId: In(ids) }, order: { assessedAt: 'DESC', id: 'DESC' } }),
      (a) => a.clientId,
    ),
    assessment: rowLoader(
      (ids) => dataSource.getRepository(AssessmentEntity).findBy({ id: In(ids) }),
      (a) => a.id,
    ),
    assessmentItems: groupLoader(
      (ids) => dataSource.getRepository(AssessmentItemEntity).find({ where: { assessmentId: In(ids) }, order: { position: 'ASC' } }),
      (i) => i.assessmentId,
    ),
  };
}
