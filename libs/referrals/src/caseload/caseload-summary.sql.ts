/** A supervisor's team caseloads: the referrals awaiting the partner's answer (SENT), per client of the agency. */
import type { EntityManager } from 'typeorm';

const AWAITING_ANSWER_SQL = `SELECT client_id, count(*)::int AS awaiting
  FROM referrals.referral
 WHERE client_id = ANY($1::uuid[]) AND client_organization_id = $2 AND status = 'SENT'
 GROUP BY client_id`;

/** How many referrals of each of these clients (of the agency) are sent and not yet answered; clients with none are absent. */
export const awaitingAnswerByClient = (m: EntityManager, clientIds: string[], organizationId: string) =>
  m.query<Array<{ client_id: string; awaiting: number }>>(AWAITING_ANSWER_SQL, [clientIds, organizationId]);
