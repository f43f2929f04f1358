/** What referrals adds to the clients subgraph's CaseloadSummary (a supervisor's team): `referralsAwaitingAnswer`. */
import type { EntityManager } from 'typeorm';
import { caseloadCountField, type CountByClient } from '@caseflow/federation';
import { awaitingAnswerByClient } from './caseload-summary.sql';

export const caseloadSummary = caseloadCountField('referralsAwaitingAnswer', 'From the referrals subgraph: sent and not yet answered.');

export const awaitingAnswerCounts =
  (db: EntityManager): CountByClient =>
  async (clientIds, organizationId) =>
    new Map(
      clientIds.length ? (await awaitingAnswerByClient(db, clientIds, organizationId)).map((r) => [r.client_id, Number(r.awaiting)]) : [],
    );
