/**
 * The clients subgraph's part of the benchmark dataset (`npm run seed --
 * --scale N`): staff with fixed emails (cm0001@bench.caseflow …), clients with
 * caseloads of about 40, statuses and dates spread over two years, case
 * history, eligibility, needs assessments and case notes, and — once the
 * referrals exist — the consents they rest on. Everything is generated inside
 * PostgreSQL (INSERT … SELECT over generate_series), so that scale 100 is a
 * few large statements rather than millions of rows sent from Node.
 *
 * Deterministic for a seed: every "random" choice is a hash of the row number
 * and the seed (`hashtextextended`), every date is relative to `today`, and
 * ids are md5 digests of the row number.
 */
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { STANDARD_CHECKLIST, recomputePriorities, recomputeStalePriorities } from '@caseflow/clients';
import { generatedIdSql, generatedRandomSql } from '@caseflow/db';
import { pickSql as pick, type ScaleClients, type ScaleConsentRequests } from '@caseflow/demo';

export interface ClientsScalePlan {
  seed: number;
  /** Every generated date is relative to this day. */
  today: Date;
  clients: number;
  caseManagers: number;
  supervisors: number;
  partners: number;
  analysts: number;
  notes: number;
  assessments: number;
  /** The agencies case managers, supervisors and analysts work for (directory organizations). */
  agencyIds: string[];
  /** One partner staff member per organization, in this order. */
  partnerOrganizationIds: string[];
}

/** The generated clients as the other subgraphs' generators need them; the consents the referrals generator asks for. */
export type { ScaleClients as ScaleClientCatalog, ScaleConsentRequests } from '@caseflow/demo';

export const BENCH_EMAIL_DOMAIN = 'bench.caseflow';

const FIRST = [
  'Ada',
  'Bram',
  'Cleo',
  'Dev',
  'Eli',
  'Fern',
  'Gus',
  'Hana',
  'Ines',
  'Joel',
  'Kaia',
  'Luca',
  'Mina',
  'Nico',
  'Omar',
  'Pia',
  'Rafe',
  'Sian',
  'Tomas',
  'Una',
  'Vera',
  'Wade',
  'Yara',
  'Zane',
  'Arlo',
  'Bea',
  'Cyrus',
  'Dalia',
  'Enzo',
  'Faye',
  'Gemma',
  'Hugo',
  'Iris',
  'Jonah',
  'Kira',
  'Levi',
];
const LAST = [
  'Archer',
  'Boyle',
  'Chiasson',
  'Dunphy',
  'Ellis',
  'Fraser',
  'Gillis',
  'Hanlon',
  'Irving',
  'Jessome',
  'Keating',
  'LeBlanc',
  'Morash',
  'Nowlan',
  'Oickle',
  'Publicover',
  'Rudderham',
  'Sampson',
  'Tupper',
  'Umlah',
  'Veinot',
  'Wamboldt',
  'Yorke',
  'Zinck',
  'Amirault',
  'Boudreau',
  'Comeau',
  'Deveau',
  'Eisener',
  'Fougere',
  'Gaudet',
  'Hebb',
  'Isenor',
  'Jollymore',
  'Kaulback',
  'Langille',
];
const NOTES = [
  'Discussed the job search plan and agreed on three applications for next week.',
  'Reviewed progress on the action plan; the client finished the resume workshop.',
  'Client called about transportation to interviews; bus pass application started.',
  'Met at the library to practise interview questions for the warehouse opening.',
  'Checked in by phone; the client is waiting to hear back from two employers.',
  'Home visit: talked through the household budget and the rent arrears plan.',
  'Client missed the appointment; left a voicemail to rebook for Thursday.',
  'Followed up on the food bank referral; the client picked up a hamper on Monday.',
  'Worked on the online application for the training program; deadline is Friday.',
  'Client reports the new shift schedule works with childcare; keep checking in weekly.',
  'Talked about the driver licence goal; the written test is booked for next month.',
  'Reviewed the needs assessment together and updated two of the barriers.',
];
const CONTACT = ['IN_PERSON', 'PHONE', 'EMAIL', 'TEXT', 'VIDEO', 'HOME_VISIT'];
const OUTCOMES = ['EMPLOYED', 'EMPLOYED', 'EMPLOYED', 'IN_TRAINING', 'REFERRED_ELSEWHERE', 'GOALS_MET', 'DISENGAGED', 'MOVED', 'OTHER'];
const KEY_DATES = ['EI claim ends', 'Lease renewal', 'Court date', 'Training starts'];

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Writes staff, clients, case history, eligibility, assessments and notes (consents come later, from the referrals). */
export async function seedClientsAtScale(
  dataSource: DataSource,
  plan: ClientsScalePlan,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  const r = (salt: string, key: string) => generatedRandomSql(plan.seed, salt, key);
  const today = isoDate(plan.today);
  const agencies = plan.agencyIds.length;
  const partnerOrgs = plan.partnerOrganizationIds.length;
  if (agencies === 0 || partnerOrgs === 0) throw new Error('the scale plan needs at least one agency and one partner organization');

  await dataSource.transaction(async (tx) => {
    // Dates become instants in UTC whatever the server's zone, so that a seed gives the same rows everywhere.
    await tx.query(`SET LOCAL timezone = 'UTC'`);
    const params = [plan.agencyIds, plan.partnerOrganizationIds];
    await tx.query(
      `INSERT INTO clients.staff_member (id, email, display_name, role, organization_id, created_at)
       SELECT ${generatedIdSql('staff', `s.role || ':' || s.n`)}, s.email, s.display_name, s.role, s.organization_id, $3::date - 800
         FROM (
           SELECT n, 'CASE_MANAGER' AS role, 'cm' || lpad(n::text, 4, '0') || '@${BENCH_EMAIL_DOMAIN}' AS email,
                  ${pick(FIRST, r('staff-first', `'cm' || n`))} || ' ' || ${pick(LAST, r('staff-last', `'cm' || n`))} AS display_name,
                  ($1::uuid[])[1 + (n - 1) % ${agencies}] AS organization_id
             FROM generate_series(1, ${plan.caseManagers}) n
           UNION ALL
           SELECT n, 'SUPERVISOR', 'supervisor' || lpad(n::text, 3, '0') || '@${BENCH_EMAIL_DOMAIN}', 'Supervisor ' || n, ($1::uuid[])[1 + (n - 1) % ${agencies}]
             FROM generate_series(1, ${plan.supervisors}) n
           UNION ALL
           SELECT n, 'PARTNER', 'partner' || lpad(n::text, 3, '0') || '@${BENCH_EMAIL_DOMAIN}', 'Partner ' || n, ($2::uuid[])[1 + (n - 1) % ${partnerOrgs}]
             FROM generate_series(1, ${plan.partners}) n
           UNION ALL
           SELECT n, 'ANALYST', 'analyst' || lpad(n::text, 3, '0') || '@${BENCH_EMAIL_DOMAIN}', 'Analyst ' || n, ($1::uuid[])[1 + (n - 1) % ${agencies}]
             FROM generate_series(1, ${plan.analysts}) n
         ) s`,
      [...params, today],
    );

    // The generated clients, numbered 1..N, with the facts every later table derives from.
    await tx.query(
      `
      CREATE TEMP TABLE scale_client ON COMMIT DROP AS
      SELECT n, ${generatedIdSql('client', 'n')} AS id, cm AS cm_n, ${generatedIdSql('staff', `'CASE_MANAGER:' || cm`)} AS cm_id,
             ($1::uuid[])[1 + (cm - 1) % ${agencies}] AS organization_id, status,
             CASE WHEN status = 'INTAKE' THEN $2::date - floor(${r('intake-recent', 'n')} * 30)::int
                  ELSE $2::date - 30 - floor(${r('intake', 'n')} * 700)::int END AS intake_date
        FROM (SELECT n, 1 + floor(${r('cm', 'n')} * ${plan.caseManagers})::int AS cm,
                     CASE WHEN ${r('status', 'n')} < 0.10 THEN 'INTAKE' WHEN ${r('status', 'n')} < 0.65 THEN 'ACTIVE'
                          WHEN ${r('status', 'n')} < 0.75 THEN 'ON_HOLD' ELSE 'CLOSED' END AS status
                FROM generate_series(1, ${plan.clients}) n) g`,
      [plan.agencyIds, today],
    );
    await tx.query(`ALTER TABLE scale_client ADD COLUMN closed_at timestamptz`);
    await tx.query(
      `UPDATE scale_client SET closed_at = (intake_date + 20 + floor(${r('closed', 'n')} * ($1::date - intake_date - 20))::int) + time '15:00'
                     WHERE status = 'CLOSED'`,
      [today],
    );
    await tx.query('CREATE UNIQUE INDEX ON scale_client (n)');
    await tx.query('ANALYZE scale_client');

    await tx.query(
      `INSERT INTO clients.client (id, organization_id, first_name, last_name, preferred_name, date_of_birth, status, intake_date, assigned_case_manager_id,
                                   search_name, sort_key, folded_first, folded_last, contact_method, contact_phone, voicemail_allowed, key_dates,
                                   next_follow_up_at, created_by, created_at, updated_at)
       SELECT id, organization_id, first_name, last_name, preferred_name, date_of_birth, status, intake_date, cm_id,
              lower(first_name || ' ' || last_name || coalesce(' ' || preferred_name, '')), lower(last_name || ' ' || first_name),
              lower(first_name), lower(last_name), contact_method, '902-555-' || lpad((n % 10000)::text, 4, '0'), n % 3 <> 0, key_dates,
              next_follow_up_at, cm_id, intake_date + time '14:00', intake_date + time '14:00'
         FROM (
           SELECT c.*, ${pick(FIRST, r('first', 'n'))} AS first_name, ${pick(LAST, r('last', 'n'))} AS last_name,
                  CASE WHEN ${r('preferred', 'n')} < 0.08 THEN ${pick(FIRST, r('preferred-name', 'n'))} END AS preferred_name,
                  DATE '1955-01-01' + floor(${r('dob', 'n')} * 18000)::int AS date_of_birth,
                  ${pick(['PHONE', 'PHONE', 'TEXT', 'EMAIL'], r('contact', 'n'))} AS contact_method,
                  CASE WHEN status <> 'CLOSED' AND ${r('key-date', 'n')} < 0.3
                       THEN jsonb_build_array(jsonb_build_object('label', ${pick(KEY_DATES, r('key-label', 'n'))},
                                                                 'date', to_char($1::date + floor(${r('key-when', 'n')} * 60)::int, 'YYYY-MM-DD')))
                       ELSE '[]'::jsonb END AS key_dates,
                  CASE WHEN status <> 'CLOSED' THEN ($1::date + floor(${r('follow-up', 'n')} * 40)::int - 10) + time '10:00' END AS next_follow_up_at
             FROM scale_client c) g`,
      [today],
    );
    log(`clients: ${plan.clients} clients of ${plan.caseManagers} case managers`);

    await tx.query(`
      INSERT INTO clients.case_event (id, client_id, kind, from_status, to_status, at, actor_id, outcome, program, note)
      SELECT ${generatedIdSql('case-event', `c.n || ':opened'`)}, c.id, 'OPENED', NULL, 'INTAKE', c.intake_date + time '14:00', c.cm_id, NULL, NULL, NULL
        FROM scale_client c
      UNION ALL
      SELECT ${generatedIdSql('case-event', `c.n || ':activated'`)}, c.id, 'ACTIVATED', 'INTAKE', 'ACTIVE', c.intake_date + time '17:00', c.cm_id, NULL, NULL, NULL
        FROM scale_client c WHERE c.status <> 'INTAKE'
      UNION ALL
      SELECT ${generatedIdSql('case-event', `c.n || ':closed'`)}, c.id, 'CLOSED', 'ACTIVE', 'CLOSED', c.closed_at, c.cm_id,
             ${pick(OUTCOMES, r('outcome', 'c.n'))}, 'Employment Support Program', NULL
        FROM scale_client c WHERE c.status = 'CLOSED'`);
    await tx.query(`
      INSERT INTO clients.eligibility_determination (id, client_id, eligible, program, rationale, determined_at, determined_by)
      SELECT ${generatedIdSql('eligibility', 'c.n')}, c.id, ${r('eligible', 'c.n')} < 0.95, 'Employment Support Program',
             'Adult resident of the region looking for work; meets the program criteria.', c.intake_date + time '16:00', c.cm_id
        FROM scale_client c WHERE c.status <> 'INTAKE'`);

    await seedAssessments(tx, plan, today);
    log(`clients: ${plan.assessments} needs assessments`);
    await tx.query(
      `INSERT INTO clients.case_note (id, client_id, author_id, occurred_at, contact_type, body, sensitive, created_at)
       SELECT ${generatedIdSql('note', 'j')}, c.id, c.cm_id, at, ${pick(CONTACT, r('note-contact', 'j'))}, ${pick(NOTES, r('note-body', 'j'))},
              ${r('note-sensitive', 'j')} < 0.03, at
         FROM (SELECT j, 1 + floor(${r('note-client', 'j')} * ${plan.clients})::int AS n FROM generate_series(1, ${plan.notes}) j) k
         JOIN scale_client c USING (n)
         CROSS JOIN LATERAL (SELECT c.intake_date + time '09:00'
                  + (${r('note-at', 'j')} * extract(epoch FROM (coalesce(c.closed_at, $1::date + time '09:00') - (c.intake_date + time '09:00')))) * interval '1 second' AS at) t`,
      [today],
    );
    log(`clients: ${plan.notes} case notes`);
  });
}

async function seedAssessments(tx: EntityManager, plan: ClientsScalePlan, today: string): Promise<void> {
  const r = (salt: string, key: string) => generatedRandomSql(plan.seed, salt, key);
  const checklist = Object.entries(STANDARD_CHECKLIST).flatMap(([domain, names]) => names.map((name) => ({ domain, name })));
  // Assessment i belongs to client ((i - 1) mod N) + 1: every client has one, the first ones a follow-up too.
  const rating = (key: string) =>
    `CASE WHEN ${r('rating', key)} < 0.3 THEN 'BARRIER' WHEN ${r('rating', key)} < 0.85 THEN 'ASSET' ELSE 'NOT_APPLICABLE' END`;
  await tx.query(`
    CREATE TEMP TABLE scale_assessment_item ON COMMIT DROP AS
    SELECT i, k, ${rating(`i || ':' || k`)} AS rating,
           ((${r('item', `i || ':' || k`)} * ${checklist.length})::int + k * 5) % ${checklist.length} AS characteristic
      FROM generate_series(1, ${plan.assessments}) i CROSS JOIN generate_series(0, 7) k`);
  await tx.query(
    `INSERT INTO clients.needs_assessment (id, client_id, assessed_at, assessed_by, summary, barrier_count, asset_count)
     SELECT ${generatedIdSql('assessment', 'a.i')}, c.id,
            least(c.intake_date + 7 + CASE WHEN a.i > ${plan.clients} THEN 90 ELSE 0 END, $1::date) + time '11:00', c.cm_id,
            'Needs assessment with the client.', a.barriers, a.assets
       FROM (SELECT i, count(*) FILTER (WHERE rating = 'BARRIER')::int AS barriers, count(*) FILTER (WHERE rating = 'ASSET')::int AS assets
               FROM scale_assessment_item GROUP BY i) a
       JOIN scale_client c ON c.n = 1 + (a.i - 1) % ${plan.clients}`,
    [today],
  );
  await tx.query(
    `INSERT INTO clients.assessment_item (id, assessment_id, position, domain, characteristic, rating, plan_how, plan_by_when, plan_who_helps)
     SELECT ${generatedIdSql('assessment-item', `t.i || ':' || t.k`)}, ${generatedIdSql('assessment', 't.i')}, t.k,
            ($1::text[])[1 + t.characteristic], ($2::text[])[1 + t.characteristic], t.rating,
            CASE WHEN t.rating = 'BARRIER' THEN 'Work on it with weekly check-ins' END,
            CASE WHEN t.rating = 'BARRIER' THEN $3::date + 30 + t.k * 7 END,
            CASE WHEN t.rating = 'BARRIER' THEN 'Case manager and a community volunteer' END
       FROM scale_assessment_item t`,
    [checklist.map((c) => c.domain), checklist.map((c) => c.name), today],
  );
}

/** The generated clients, for the plans and referrals generators. */
export async function scaleClientCatalog(dataSource: DataSource, clients: number): Promise<ScaleClients> {
  const rows: Array<{
    id: string;
    organization_id: string;
    assigned_case_manager_id: string;
    status: string;
    intake_date: string;
    closed_at: string | null;
  }> = await dataSource.query(
    `SELECT c.id, c.organization_id, c.assigned_case_manager_id, c.status, c.intake_date::text AS intake_date, e.at::text AS closed_at
         FROM generate_series(1, $1::int) n
         JOIN clients.client c ON c.id = ${generatedIdSql('client', 'n')}
         LEFT JOIN clients.case_event e ON e.id = ${generatedIdSql('case-event', `n || ':closed'`)}
        ORDER BY n`,
    [clients],
  );
  return {
    ids: rows.map((r) => r.id),
    organizationIds: rows.map((r) => r.organization_id),
    caseManagerIds: rows.map((r) => r.assigned_case_manager_id),
    statuses: rows.map((r) => r.status),
    intakeDates: rows.map((r) => r.intake_date),
    closedAt: rows.map((r) => r.closed_at),
  };
}

/**
 * One consent per (client, receiving organization) the referrals need,
 * covering contact details and referral details, signed before the first
 * referral and valid for a year; a few were revoked since.
 */
export async function seedConsentsAtScale(
  dataSource: DataSource,
  plan: Pick<ClientsScalePlan, 'seed' | 'today'>,
  requests: ScaleConsentRequests,
): Promise<void> {
  const r = (salt: string, key: string) => generatedRandomSql(plan.seed, salt, key);
  await dataSource.query(
    `INSERT INTO clients.consent (id, client_id, recipient_organization_id, scope, purpose, signed_at, expires_at, revoked_at, recorded_by, created_at)
     SELECT ${generatedIdSql('consent', `t.client_id || ':' || t.organization_id`)}, t.client_id, t.organization_id, ARRAY['CONTACT_INFO', 'REFERRAL_DETAILS'],
            'Referral for support services', t.signed_at, t.signed_at + interval '365 days',
            CASE WHEN ${r('revoked', 't.client_id::text || t.organization_id::text')} < 0.03 AND t.signed_at < $5::timestamptz - interval '30 days'
                 THEN t.signed_at + interval '20 days' END,
            t.recorded_by, t.signed_at
       FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::uuid[]) AS t(client_id, organization_id, signed_at, recorded_by)
     ON CONFLICT (id) DO NOTHING`,
    [requests.clientIds, requests.organizationIds, requests.signedAt, requests.recordedBy, plan.today],
  );
}

/**
 * What the daily job and note writes keep current, brought up to date for
 * the generated clients: the date of each one's last note and the stored
 * caseload priority (computed by the same code as the job, in batches).
 */
export async function refreshClientsAtScale(
  dataSource: DataSource,
  today: Date,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  await dataSource.query(`UPDATE clients.client c SET last_note_at = m.at
                            FROM (SELECT client_id, max(occurred_at) AS at FROM clients.case_note GROUP BY client_id) m
                           WHERE m.client_id = c.id AND c.last_note_at IS DISTINCT FROM m.at`);
  const open: Array<{ id: string }> = await dataSource.query(`SELECT id FROM clients.client WHERE status <> 'CLOSED' ORDER BY id`);
  const batch = 5000;
  for (let i = 0; i < open.length; i += batch) {
    await dataSource.transaction((tx) =>
      recomputePriorities(
        tx,
        open.slice(i, i + batch).map((row) => row.id),
        today,
      ),
    );
  }
  log(`clients: priorities of ${open.length} open cases`);
}

/** The daily priority job's work, done at once (the benchmark runs it before measuring, so the job does not run during a measurement). */
export function refreshStalePriorities(dataSource: DataSource, now = new Date()): Promise<number> {
  return recomputeStalePriorities(dataSource, now, 5000);
}

const md5Uuid = (text: string) => {
  const hex = createHash('md5').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** The generated partner staff (the same ids as `generatedIdSql('staff', 'PARTNER:' || n)`), with their organizations. */
export function scalePartnerStaff(plan: Pick<ClientsScalePlan, 'partners' | 'partnerOrganizationIds'>): {
  organizationIds: string[];
  staffIds: string[];
} {
  const organizationIds: string[] = [];
  const staffIds: string[] = [];
  for (let n = 1; n <= plan.partners; n += 1) {
    organizationIds.push(plan.partnerOrganizationIds[(n - 1) % plan.partnerOrganizationIds.length]);
    staffIds.push(md5Uuid(`bench:staff:PARTNER:${n}`));
  }
  return { organizationIds, staffIds };
}
