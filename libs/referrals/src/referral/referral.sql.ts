/**
 * The referral statements TypeORM does not express well, each a named,
 * parameterised statement with a typed runner (docs/architecture.md, "TypeORM
 * and SQL: the rule"): the draft insert that settles racing retries on the
 * idempotency key, the conditional status move, and the inbox pages of several
 * organizations in one statement; and the hot reads of the per-request
 * loaders (a client's referrals, referrals by id, the events of a history)
 * as prepared statements.
 * Everything else goes through the entities.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { preparedRead, runPrepared } from '@caseflow/db';
import { ReferralEntity, type ReferralEventEntity } from './referral.entity';
import { DEFAULT_RESPONSE_DAYS, type ValidCreateReferral } from './referral.rules';
import { OPEN_REFERRAL_STATUSES, type ReferralMove, type ReferralStatus } from './referral.transitions';

/** A row of `referrals.referral` as `RETURNING *` or `r.*` gives it: the entity's columns by their database names. */
export type ReferralRow = Record<string, unknown>;

/** Raw rows to entities through TypeORM's own column metadata (no second list of the columns to keep in step). */
function toEntities(m: EntityManager, rows: readonly ReferralRow[]): ReferralEntity[] {
  const columns = m.connection.getMetadata(ReferralEntity).columns;
  return rows.map((row) => {
    const entity: Record<string, unknown> = {};
    for (const column of columns) entity[column.propertyName] = row[column.databaseName];
    return entity as unknown as ReferralEntity;
  });
}

/** A checked createReferral input, with what the owners answered and who asks. */
export interface NewDraft extends ValidCreateReferral {
  /** The referring agency, as the client's grant names it (an existing client always has one). */
  clientOrganizationId: string | null;
  /** The receiving organization: the service's. */
  organizationId: string;
  organizationName: string;
  serviceName: string;
  referredBy: string;
  serviceTaxonomyTermIds: string[];
  clientMutationFingerprint: string | null;
}

const INSERT_DRAFT_SQL = `INSERT INTO referrals.referral (client_id, client_organization_id, service_id, service_at_location_id, organization_id, referred_by,
                                 goal_id, need, necessary_rationale, appropriate_rationale, paid_by_contract, urgency, status,
                                 respond_by, follow_up_at, client_mutation_id, service_taxonomy_term_ids, client_mutation_fingerprint,
                                 organization_name, service_name)
 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'DRAFT', $13, $14, $15, $16, $17, $18, $19)
 ON CONFLICT (referred_by, client_mutation_id) WHERE client_mutation_id IS NOT NULL DO NOTHING
 RETURNING *`;

/** Inserts a DRAFT; null when another request already holds the caller's `clientMutationId` (nothing is written). */
export async function insertDraft(m: EntityManager, d: NewDraft): Promise<ReferralEntity | null> {
  const rows = await m.query<ReferralRow[]>(INSERT_DRAFT_SQL, [
    d.clientId,
    d.clientOrganizationId,
    d.serviceId,
    d.serviceAtLocationId,
    d.organizationId,
    d.referredBy,
    d.goalId,
    d.need,
    d.necessaryRationale,
    d.appropriateRationale,
    d.paidByContract,
    d.urgency,
    d.respondBy,
    d.followUpAt,
    d.clientMutationId,
    d.serviceTaxonomyTermIds,
    d.clientMutationFingerprint,
    d.organizationName,
    d.serviceName,
  ]);
  return rows.length === 0 ? null : toEntities(m, rows)[0];
}

/** The moves a caller makes (the sweep expires referrals itself, see expiry.sql.ts). */
export type CallerMove = Exclude<ReferralMove, 'EXPIRE'>;

/** What each move sets besides the status; `$4` is the move's value (a decline reason, an outcome). */
const MOVE_SETS: Record<CallerMove, { sql: string; takesValue: boolean }> = {
  SEND: { sql: `sent_at = now(), respond_by = COALESCE(respond_by, now() + interval '${DEFAULT_RESPONSE_DAYS} days')`, takesValue: false },
  ACCEPT: { sql: 'accepted_at = COALESCE(accepted_at, now()), first_response_at = COALESCE(first_response_at, now())', takesValue: false },
  DECLINE: { sql: 'decline_reason = $4, first_response_at = COALESCE(first_response_at, now())', takesValue: true },
  WAITLIST: { sql: 'first_response_at = COALESCE(first_response_at, now())', takesValue: false },
  START: { sql: '', takesValue: false },
  COMPLETE: { sql: 'outcome = $4', takesValue: true },
  CANCEL: { sql: '', takesValue: false },
};

export interface StatusMove {
  id: string;
  move: CallerMove;
  from: ReferralStatus;
  to: ReferralStatus;
  /** The move's value: a decline reason, an outcome. */
  value?: string;
  /** Records a supervisor's override of a missing consent (`consent_override_at`). */
  override: boolean;
}

/** The conditional move, with what the move sets written in from MOVE_SETS (never from input). */
const MOVE_STATUS_SQL = (sets: readonly string[]) => `WITH moved AS (
   UPDATE referrals.referral SET status = $3, ${sets.map((x) => `${x}, `).join('')}updated_at = now()
    WHERE id = $1 AND status = $2
   RETURNING *)
 SELECT * FROM moved`;

/**
 * Moves the referral from `from` to `to` only if it is still `from` (a racing
 * move that committed first leaves nothing to update): the moved referral, or
 * null. The UPDATE sits in a CTE because the driver answers a bare UPDATE with
 * a row count beside its rows.
 */
export async function moveStatus(m: EntityManager, s: StatusMove): Promise<ReferralEntity | null> {
  const set = MOVE_SETS[s.move];
  const sets = [set.sql, s.override ? 'consent_override_at = now()' : ''].filter((x) => x !== '');
  const rows = await m.query<ReferralRow[]>(MOVE_STATUS_SQL(sets), set.takesValue ? [s.id, s.from, s.to, s.value] : [s.id, s.from, s.to]);
  return rows.length === 0 ? null : toEntities(m, rows)[0];
}

export interface InboxParams {
  organizationIds: string[];
  statuses: ReferralStatus[] | null;
  /** Rows per organization: the page size plus one, to know whether there is a next page. */
  limit: number;
  after: { sentAt: Date; id: string } | null;
}

/** One organization's page of its inbox, and how many referrals the inbox holds in all. */
export interface InboxPage {
  rows: ReferralEntity[];
  total: number;
}

/** A row of the inbox statement: an organization's count, and one referral of its page (all null on an empty page). */
type InboxRow = ReferralRow & { page_organization_id: string; total: number };

/** The inbox pages, with the optional filters written in (their values are parameters). */
const INBOX_PAGES_SQL = (statusFilter: string, afterFilter: string) => `SELECT o.organization_id AS page_organization_id, t.total, p.*
   FROM unnest($1::uuid[]) AS o(organization_id)
  CROSS JOIN LATERAL (
        SELECT count(*)::int AS total FROM referrals.referral r
         WHERE r.organization_id = o.organization_id AND r.sent_at IS NOT NULL ${statusFilter}) t
   LEFT JOIN LATERAL (
        SELECT r.* FROM referrals.referral r
         WHERE r.organization_id = o.organization_id AND r.sent_at IS NOT NULL ${statusFilter} ${afterFilter}
         ORDER BY r.sent_at DESC, r.id DESC
         LIMIT $2) p ON true`;

/**
 * The inboxes of several organizations, sent referrals only, newest sent
 * first from the cursor on: one statement, a LATERAL count and page per
 * organization. The pages come back in the order of `organizationIds`.
 */
export async function inboxPages(m: EntityManager, p: InboxParams): Promise<InboxPage[]> {
  const params: unknown[] = [p.organizationIds, p.limit];
  const statusFilter = p.statuses ? `AND r.status = ANY($${params.push(p.statuses)})` : '';
  const afterFilter = p.after
    ? `AND (r.sent_at, r.id) < ($${params.push(p.after.sentAt)}::timestamptz, $${params.push(p.after.id)}::uuid)`
    : '';
  const rows = await m.query<InboxRow[]>(INBOX_PAGES_SQL(statusFilter, afterFilter), params);
  const pages = new Map<string, InboxPage>(p.organizationIds.map((id) => [id, { rows: [], total: 0 }]));
  for (const row of rows) {
    const page = pages.get(row.page_organization_id) as InboxPage;
    page.total = row.total;
    if (row.id !== null) page.rows.push(toEntities(m, [row])[0]);
  }
  return p.organizationIds.map((id) => pages.get(id) as InboxPage);
}

const REFERRALS_BY_ID = preparedRead<ReferralRow, [readonly string[]]>(
  'referrals.referrals-by-id',
  'SELECT r.* FROM referrals.referral r WHERE r.id = ANY($1::uuid[])',
);

/** Referrals by id (the `referral` loader: `referral(id)`, references, a change's referral). */
export async function referralsById(dataSource: DataSource, ids: readonly string[]): Promise<ReferralEntity[]> {
  return toEntities(dataSource.manager, await runPrepared(dataSource, REFERRALS_BY_ID, [ids]));
}

const REFERRALS_OF_CLIENTS = preparedRead<ReferralRow, [readonly string[], readonly ReferralStatus[]]>(
  'referrals.referrals-by-client',
  `SELECT r.* FROM referrals.referral r
  WHERE r.client_id = ANY($1::uuid[]) AND r.status = ANY($2::text[])
  ORDER BY r.created_at DESC, r.id DESC`,
);

const OPEN: readonly ReferralStatus[] = OPEN_REFERRAL_STATUSES;

/**
 * The same read when every status asked for is open: the literal list is the
 * condition of the open referrals' index (`referral_client_open_idx`), so PostgreSQL reads the open referrals' index (and a
 * generic plan can, since the proof does not depend on `$2`).
 */
const OPEN_REFERRALS_OF_CLIENTS = preparedRead<ReferralRow, [readonly string[], readonly ReferralStatus[]]>(
  'referrals.open-referrals-by-client',
  `SELECT r.* FROM referrals.referral r
  WHERE r.client_id = ANY($1::uuid[]) AND r.status IN (${OPEN.map((s) => `'${s}'`).join(', ')}) AND r.status = ANY($2::text[])
  ORDER BY r.created_at DESC, r.id DESC`,
);

/** Clients' referrals of some statuses (all of them when the caller names none), newest first. */
export async function referralsOfClients(
  dataSource: DataSource,
  clientIds: readonly string[],
  statuses: readonly ReferralStatus[],
): Promise<ReferralEntity[]> {
  const read = statuses.every((s) => OPEN.includes(s)) ? OPEN_REFERRALS_OF_CLIENTS : REFERRALS_OF_CLIENTS;
  return toEntities(dataSource.manager, await runPrepared(dataSource, read, [clientIds, statuses]));
}

/** A referral event row shaped as the entity (a plain object), for the mapper that reads entity fields. */
export type ReferralEventRow = { [K in keyof ReferralEventEntity]: ReferralEventEntity[K] };

/** Every column of referrals.referral_event under its entity property name (no column needs a cast: `at` is a timestamptz, a Date either way). */
const EVENT_COLUMNS = `e.id, e.referral_id AS "referralId", e.status, e.at, e.actor_id AS "actorId", e.note`;

const EVENTS_BY_ID = preparedRead<ReferralEventRow, [string[]]>(
  'referrals.events-by-id',
  `SELECT ${EVENT_COLUMNS} FROM referrals.referral_event e WHERE e.id = ANY($1::uuid[])`,
);

/** Referral events by id (each at most once, in no order): the `event` loader, on every ReferralEvent reference. */
export const eventsByIds = (dataSource: DataSource, ids: readonly string[]) => runPrepared(dataSource, EVENTS_BY_ID, [[...ids]]);

const EVENTS_OF_REFERRALS = preparedRead<ReferralEventRow, [string[]]>(
  'referrals.events-by-referral',
  `SELECT ${EVENT_COLUMNS} FROM referrals.referral_event e WHERE e.referral_id = ANY($1::uuid[]) ORDER BY e.at, e.id`,
);

/** The events of these referrals, oldest first (ties by id): the `eventsByReferral` loader, every referral's `history`. */
export const eventsOfReferrals = (dataSource: DataSource, referralIds: readonly string[]) =>
  runPrepared(dataSource, EVENTS_OF_REFERRALS, [[...referralIds]]);
