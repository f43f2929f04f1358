/** The needs assessment's hand-written reads: the client profile's assessments and their items, as prepared reads. */
import type { DataSource } from 'typeorm';
import { preparedRead, runPrepared } from '@caseflow/db';
import type { AssessmentEntity, AssessmentItemEntity } from './assessment.entity';

/** An assessment row shaped as the entity (a plain object), for the mapper. */
export type AssessmentRow = { [K in keyof AssessmentEntity]: AssessmentEntity[K] };

/** An assessment item row shaped as the entity (a plain object), for the mapper. */
export type AssessmentItemRow = { [K in keyof AssessmentItemEntity]: AssessmentItemEntity[K] };

/** Every column of clients.needs_assessment under its entity property name. */
const ASSESSMENT_COLUMNS = `a.id, a.client_id AS "clientId", a.assessed_at AS "assessedAt", a.assessed_by AS "assessedBy", a.summary,
       a.barrier_count AS "barrierCount", a.asset_count AS "assetCount"`;

/** Every column of clients.assessment_item under its entity property name; the plan's date as 'YYYY-MM-DD' text, as TypeORM gives it. */
const ASSESSMENT_ITEM_COLUMNS = `i.id, i.assessment_id AS "assessmentId", i.position, i.domain, i.characteristic, i.rating, i.notes,
       i.plan_how AS "planHow", i.plan_by_when::text AS "planByWhen", i.plan_who_helps AS "planWhoHelps"`;

const ASSESSMENTS_BY_CLIENT = preparedRead<AssessmentRow, [string[]]>(
  'clients.assessments-by-client',
  `SELECT ${ASSESSMENT_COLUMNS} FROM clients.needs_assessment a WHERE a.client_id = ANY($1::uuid[]) ORDER BY a.assessed_at DESC, a.id DESC`,
);

const ASSESSMENTS_BY_ID = preparedRead<AssessmentRow, [string[]]>(
  'clients.assessments-by-id',
  `SELECT ${ASSESSMENT_COLUMNS} FROM clients.needs_assessment a WHERE a.id = ANY($1::uuid[])`,
);

const ASSESSMENT_ITEMS = preparedRead<AssessmentItemRow, [string[]]>(
  'clients.assessment-items',
  `SELECT ${ASSESSMENT_ITEM_COLUMNS} FROM clients.assessment_item i WHERE i.assessment_id = ANY($1::uuid[]) ORDER BY i.position`,
);

/** The assessments of these clients, latest first (ties by id, descending): the client profile's assessments and latest assessment. */
export const assessmentsByClients = (dataSource: DataSource, clientIds: readonly string[]) =>
  runPrepared(dataSource, ASSESSMENTS_BY_CLIENT, [[...clientIds]]);

/** The assessments of these ids (each at most once, in no order): every Assessment reference. */
export const assessmentsByIds = (dataSource: DataSource, ids: readonly string[]) => runPrepared(dataSource, ASSESSMENTS_BY_ID, [[...ids]]);

/** The items of these assessments, in checklist position order. */
export const assessmentItemsOf = (dataSource: DataSource, assessmentIds: readonly string[]) =>
  runPrepared(dataSource, ASSESSMENT_ITEMS, [[...assessmentIds]]);
