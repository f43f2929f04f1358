/**
 * The referrals subgraph's part of the benchmark dataset: about three
 * referrals per generated client over the client's time with the agency,
 * each with the history of how it went (sent, answered, started, completed,
 * declined, expired or cancelled). Recent ones are still waiting in partner
 * inboxes; a share goes to the organizations that have partner staff, so
 * that those inboxes are busy. Generated inside PostgreSQL from the clients'
 * facts and the directory's services passed in; deterministic for a seed.
 */
import type { DataSource } from 'typeorm';
import { generatedIdSql, generatedRandomSql } from '@caseflow/db';
import { loadScaleClients, pickSql as pick, type ScaleClients, type ScaleConsentRequests } from '@caseflow/demo';

export interface ReferralsScalePlan {
  seed: number;
  today: Date;
  referrals: number;
  /** The generated clients, in row order. */
  clients: ScaleClients;
  /** The directory's services (parallel arrays); term ids as PostgreSQL array literals ('{…}'). */
  services: { ids: string[]; organizationIds: string[]; serviceAtLocationIds: Array<string | null>; termIds: string[] };
  /** Staff who answer for their organization (parallel arrays). */
  partners: { organizationIds: string[]; staffIds: string[] };
  /** The share of referrals sent to organizations with partner staff. */
  partnerShare: number;
}

const random = generatedRandomSql;
const id = generatedIdSql;

const NEEDS = [
  'Food security: not enough food at home',
  'Housing: at risk of losing housing',
  'Health: no family doctor; stress affects the job search',
  'Education: reading and writing for job applications',
  'Transportation to interviews and shifts',
  'Childcare during training hours',
];
const DECLINE_REASONS = ['No capacity this month', 'Outside our service area', 'Client does not meet the eligibility criteria'];

/** Writes referrals and their history; returns the consents they rest on (for the clients subgraph to record). */
export async function seedReferralsAtScale(
  dataSource: DataSource,
  plan: ReferralsScalePlan,
  log: (line: string) => void = () => undefined,
): Promise<ScaleConsentRequests> {
  const r = (salt: string, key: string) => random(plan.seed, salt, key);
  const clients = plan.clients.ids.length;
  const services = plan.services.ids.length;
  if (clients === 0 || services === 0) return { clientIds: [], organizationIds: [], signedAt: [], recordedBy: [] };
  const now = `($1::date + time '08:00')`;

  return dataSource.transaction(async (tx) => {
    await tx.query(`SET LOCAL timezone = 'UTC'`);
    await loadScaleClients(tx, plan.clients);
    await tx.query(
      `CREATE TEMP TABLE scale_service ON COMMIT DROP AS
       SELECT n::int, t.id, t.organization_id, t.service_at_location_id, t.term_ids::uuid[] AS term_ids, p.staff_id AS partner_id
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) WITH ORDINALITY AS t(id, organization_id, service_at_location_id, term_ids, n)
         LEFT JOIN (SELECT DISTINCT ON (organization_id) organization_id, staff_id
                      FROM unnest($5::uuid[], $6::uuid[]) AS p(organization_id, staff_id) ORDER BY organization_id, staff_id) p
                ON p.organization_id = t.organization_id`,
      [
        plan.services.ids,
        plan.services.organizationIds,
        plan.services.serviceAtLocationIds,
        plan.services.termIds,
        plan.partners.organizationIds,
        plan.partners.staffIds,
      ],
    );
    await tx.query('CREATE UNIQUE INDEX ON scale_service (n)');
    await tx.query(`CREATE TEMP TABLE scale_partner_service ON COMMIT DROP AS
                    SELECT row_number() OVER (ORDER BY n)::int AS k, n FROM scale_service WHERE partner_id IS NOT NULL`);
    await tx.query('CREATE UNIQUE INDEX ON scale_partner_service (k)');
    const [{ count: partnerServices }] = (await tx.query('SELECT count(*)::int AS count FROM scale_partner_service')) as Array<{
      count: number;
    }>;

    // Each referral: a client, a service (a partner's, for a share of them), a moment in the client's time with the agency, and how it ended.
    await tx.query(
      `CREATE TEMP TABLE scale_referral ON COMMIT DROP AS
       SELECT i, ${id('referral', 'i')} AS id, c.id AS client_id, c.organization_id AS client_organization_id, c.cm_id AS referred_by,
              s.id AS service_id, s.service_at_location_id, s.organization_id, s.term_ids, coalesce(s.partner_id, c.cm_id) AS answered_by,
              w.created_at, w.recent
         FROM (SELECT i, 1 + floor(${r('client', 'i')} * ${clients})::int AS n,
                      CASE WHEN ${partnerServices} > 0 AND ${r('to-partner', 'i')} < ${plan.partnerShare}
                           THEN (SELECT p.n FROM scale_partner_service p WHERE p.k = 1 + floor(${r('partner-service', 'i')} * ${Math.max(partnerServices, 1)})::int)
                           ELSE 1 + floor(${r('service', 'i')} * ${services})::int END AS service_n
                 FROM generate_series(1, ${plan.referrals}) i) k
         JOIN scale_client c ON c.n = k.n
         JOIN scale_service s ON s.n = k.service_n
         CROSS JOIN LATERAL (SELECT c.intake_date + time '10:00'
                  + ${r('created', 'i')} * (coalesce(c.closed_at, ${now}) - (c.intake_date + time '10:00')) AS created_at) v
         CROSS JOIN LATERAL (SELECT v.created_at, c.closed_at IS NULL AND v.created_at > ${now} - interval '13 days' AS recent) w`,
      [plan.today.toISOString().slice(0, 10)],
    );
    await tx.query(
      `ALTER TABLE scale_referral ADD COLUMN status text, ADD COLUMN sent_at timestamptz, ADD COLUMN answered_at timestamptz,
                                  ADD COLUMN started_at timestamptz, ADD COLUMN ended_at timestamptz`,
    );
    const u = r('status', 'i');
    await tx.query(
      `UPDATE scale_referral SET status = CASE
          WHEN recent THEN CASE WHEN ${u} < 0.15 THEN 'DRAFT' WHEN ${u} < 0.70 THEN 'SENT' WHEN ${u} < 0.85 THEN 'ACCEPTED'
                                WHEN ${u} < 0.90 THEN 'WAITLISTED' ELSE 'DECLINED' END
          ELSE CASE WHEN ${u} < 0.05 THEN 'DRAFT' WHEN ${u} < 0.55 THEN 'COMPLETED' WHEN ${u} < 0.67 THEN 'DECLINED' WHEN ${u} < 0.80 THEN 'EXPIRED'
                    WHEN ${u} < 0.88 THEN 'CANCELLED' WHEN ${u} < 0.95 THEN 'IN_PROGRESS' ELSE 'ACCEPTED' END END`,
    );
    // Every later moment lies between the one before and now, so that nothing happens in the future.
    await tx.query(
      `UPDATE scale_referral SET sent_at = CASE WHEN status <> 'DRAFT' THEN least(created_at + interval '2 hours', ${now}) END WHERE true`,
      [plan.today.toISOString().slice(0, 10)],
    );
    await tx.query(
      `UPDATE scale_referral SET answered_at = sent_at + least(interval '4 hours' + ${r('answer', 'i')} * interval '5 days', (${now} - sent_at) / 2)
        WHERE status IN ('ACCEPTED', 'WAITLISTED', 'DECLINED', 'IN_PROGRESS', 'COMPLETED')`,
      [plan.today.toISOString().slice(0, 10)],
    );
    await tx.query(
      `UPDATE scale_referral SET started_at = answered_at + least(interval '2 days', (${now} - answered_at) / 3) WHERE status IN ('IN_PROGRESS', 'COMPLETED')`,
      [plan.today.toISOString().slice(0, 10)],
    );
    await tx.query(
      `UPDATE scale_referral SET ended_at = CASE status
          WHEN 'COMPLETED' THEN started_at + least(interval '7 days', (${now} - started_at) / 2)
          WHEN 'EXPIRED' THEN least(sent_at + interval '14 days 1 hour', ${now})
          WHEN 'CANCELLED' THEN sent_at + least(interval '3 days', (${now} - sent_at) / 2) END
        WHERE status IN ('COMPLETED', 'EXPIRED', 'CANCELLED')`,
      [plan.today.toISOString().slice(0, 10)],
    );

    await tx.query(
      `INSERT INTO referrals.referral (id, client_id, client_organization_id, service_id, service_at_location_id, organization_id, referred_by,
                                       need, necessary_rationale, appropriate_rationale, urgency, status, created_at, sent_at, respond_by,
                                       decline_reason, outcome, updated_at, service_taxonomy_term_ids, first_response_at, accepted_at)
       SELECT id, client_id, client_organization_id, service_id, service_at_location_id, organization_id, referred_by,
              ${pick(NEEDS, r('need', 'i'))}, 'The barrier blocks progress on the employment goal.', 'The service is close to the client and has capacity.',
              ${pick(['ROUTINE', 'ROUTINE', 'ROUTINE', 'SOON', 'URGENT'], r('urgency', 'i'))}, status, created_at, sent_at, sent_at + interval '14 days',
              CASE WHEN status = 'DECLINED' THEN ${pick(DECLINE_REASONS, r('decline', 'i'))} END,
              CASE WHEN status = 'COMPLETED' THEN CASE WHEN ${r('outcome', 'i')} < 0.75 THEN 'SERVICE_PROVIDED'
                                                      WHEN ${r('outcome', 'i')} < 0.9 THEN 'CLIENT_DID_NOT_ATTEND' ELSE 'NOT_ELIGIBLE' END END,
              coalesce(ended_at, started_at, answered_at, sent_at, created_at), term_ids, answered_at,
              CASE WHEN status IN ('ACCEPTED', 'IN_PROGRESS', 'COMPLETED') THEN answered_at END
         FROM scale_referral`,
    );
    log(`referrals: ${plan.referrals} referrals`);

    await tx.query(
      `INSERT INTO referrals.referral_event (id, referral_id, status, at, actor_id, note)
       SELECT ${id('referral-event', `t.i || ':' || e.k`)}, t.id, e.status, e.at, e.actor, e.note
         FROM scale_referral t
         CROSS JOIN LATERAL (VALUES
           (0, 'DRAFT', t.created_at, t.referred_by, NULL),
           (1, 'SENT', t.sent_at, t.referred_by, NULL),
           (2, CASE WHEN t.status IN ('IN_PROGRESS', 'COMPLETED') THEN 'ACCEPTED' ELSE t.status END,
               coalesce(t.answered_at, t.ended_at),
               CASE WHEN t.status = 'EXPIRED' THEN NULL WHEN t.status = 'CANCELLED' THEN t.referred_by ELSE t.answered_by END,
               CASE WHEN t.status IN ('ACCEPTED', 'IN_PROGRESS', 'COMPLETED') THEN 'Intake booked'
                    WHEN t.status = 'EXPIRED' THEN 'No answer by the deadline'
                    WHEN t.status = 'CANCELLED' THEN 'Client found another program' END),
           (3, 'IN_PROGRESS', t.started_at, t.answered_by, NULL),
           (4, 'COMPLETED', t.ended_at, t.answered_by, 'Service closed')
         ) AS e(k, status, at, actor, note)
        WHERE e.k < CASE t.status WHEN 'DRAFT' THEN 1 WHEN 'SENT' THEN 2 WHEN 'IN_PROGRESS' THEN 4 WHEN 'COMPLETED' THEN 5 ELSE 3 END`,
    );
    log('referrals: history');

    const pairs: Array<{ client_id: string; organization_id: string; signed_at: string; recorded_by: string }> = await tx.query(
      `SELECT client_id, organization_id, (min(created_at) - interval '1 hour')::text AS signed_at, (array_agg(referred_by ORDER BY created_at))[1] AS recorded_by
         FROM scale_referral WHERE status <> 'DRAFT' GROUP BY client_id, organization_id ORDER BY client_id, organization_id`,
    );
    return {
      clientIds: pairs.map((p) => p.client_id),
      organizationIds: pairs.map((p) => p.organization_id),
      signedAt: pairs.map((p) => p.signed_at),
      recordedBy: pairs.map((p) => p.recorded_by),
    };
  });
}
