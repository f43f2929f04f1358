/**
 * The hand-written statements of appointments: the overlap check, the
 * keyset pages of a client's and a staff member's appointments, and the
 * reminder job's scan. Every read joins the client for its organization.
 */
import type { CursorPart } from '@caseflow/db';
import type { SqlRunner } from '../shared/sql';
import type { AppointmentKind, AppointmentStatus } from './appointment.entity';

export interface AppointmentRow {
  id: string;
  client_id: string;
  organization_id: string;
  staff_member_id: string;
  kind: AppointmentKind;
  status: AppointmentStatus;
  starts_at: Date;
  ends_at: Date;
  place: string | null;
  purpose: string;
  referral_id: string | null;
  status_changed_at: Date | null;
  status_reason: string | null;
  created_by: string;
  created_at: Date;
  version: number;
  client_mutation_fingerprint: string | null;
}

const COLUMNS = `a.id, a.client_id, c.organization_id, a.staff_member_id, a.kind, a.status, a.starts_at, a.ends_at, a.place,
  a.purpose, a.referral_id, a.status_changed_at, a.status_reason, a.created_by, a.created_at, a.version, a.client_mutation_fingerprint`;
const FROM = 'clients.appointment a JOIN clients.client c ON c.id = a.client_id';

const BY_IDS_SQL = `SELECT ${COLUMNS} FROM ${FROM} WHERE a.id = ANY($1::uuid[])`;
export const appointmentsByIds = (db: SqlRunner, ids: readonly string[]) => db.query<AppointmentRow[]>(BY_IDS_SQL, [ids]);

const LOCK_SQL = `SELECT ${COLUMNS} FROM ${FROM} WHERE a.id = $1 FOR UPDATE OF a`;
/** The appointment, locked for a change (null when there is none). */
export const lockAppointment = async (db: SqlRunner, id: string): Promise<AppointmentRow | null> =>
  (await db.query<AppointmentRow[]>(LOCK_SQL, [id]))[0] ?? null;

const BY_MUTATION_SQL = `SELECT ${COLUMNS} FROM ${FROM} WHERE a.created_by = $1 AND a.client_mutation_id = $2`;
export const appointmentByMutationId = async (db: SqlRunner, staffId: string, mutationId: string): Promise<AppointmentRow | null> =>
  (await db.query<AppointmentRow[]>(BY_MUTATION_SQL, [staffId, mutationId]))[0] ?? null;

const OVERLAP_SQL = `SELECT ${COLUMNS} FROM ${FROM}
  WHERE a.status = 'SCHEDULED' AND (a.staff_member_id = $1 OR a.client_id = $2)
    AND a.starts_at < $4 AND a.ends_at > $3 AND a.id IS DISTINCT FROM $5::uuid
  ORDER BY a.starts_at, a.id LIMIT 1`;
/** The first other SCHEDULED appointment of the staff member or the client that overlaps [startsAt, endsAt). */
export const firstOverlap = async (
  db: SqlRunner,
  p: { staffMemberId: string; clientId: string; startsAt: Date; endsAt: Date; except: string | null },
): Promise<AppointmentRow | null> =>
  (await db.query<AppointmentRow[]>(OVERLAP_SQL, [p.staffMemberId, p.clientId, p.startsAt, p.endsAt, p.except]))[0] ?? null;

export interface NewAppointment {
  clientId: string;
  staffMemberId: string;
  kind: AppointmentKind;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  purpose: string;
  referralId: string | null;
  createdBy: string;
  clientMutationId: string | null;
  clientMutationFingerprint: string | null;
}

const INSERT_SQL = `INSERT INTO clients.appointment
  (client_id, staff_member_id, kind, starts_at, ends_at, place, purpose, referral_id, created_by, client_mutation_id, client_mutation_fingerprint)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`;
export const insertAppointment = async (db: SqlRunner, a: NewAppointment): Promise<string> =>
  (
    await db.query<Array<{ id: string }>>(INSERT_SQL, [
      a.clientId,
      a.staffMemberId,
      a.kind,
      a.startsAt,
      a.endsAt,
      a.place,
      a.purpose,
      a.referralId,
      a.createdBy,
      a.clientMutationId,
      a.clientMutationFingerprint,
    ])
  )[0].id;

const RESCHEDULE_SQL = `UPDATE clients.appointment SET starts_at = $2, ends_at = $3, place = $4, status_reason = $5,
  status_changed_at = now(), status_changed_by = $6, version = version + 1 WHERE id = $1`;
export const rescheduleAppointmentRow = (
  db: SqlRunner,
  p: { id: string; startsAt: Date; endsAt: Date; place: string | null; reason: string; by: string },
) => db.query(RESCHEDULE_SQL, [p.id, p.startsAt, p.endsAt, p.place, p.reason, p.by]);

const SET_STATUS_SQL = `UPDATE clients.appointment SET status = $2, status_reason = $3, status_changed_at = now(), status_changed_by = $4,
  version = version + 1 WHERE id = $1`;
export const setAppointmentStatus = (db: SqlRunner, p: { id: string; status: AppointmentStatus; reason: string | null; by: string }) =>
  db.query(SET_STATUS_SQL, [p.id, p.status, p.reason, p.by]);

/** A client's appointments are keyed by (rank, id): upcoming ones by start, soonest first, then past ones, latest first. */
export const CLIENT_CURSOR: readonly CursorPart[] = ['timestamp', 'number', 'uuid'];
/** `$2`: the instant that splits upcoming from past (kept in the cursor so that pages agree). */
const RANK = `(CASE WHEN a.starts_at >= $2::timestamptz THEN extract(epoch FROM a.starts_at - $2::timestamptz)
  ELSE 1e12 + extract(epoch FROM $2::timestamptz - a.starts_at) END)::float8`;
const WINDOW = '($3::timestamptz IS NULL OR a.ends_at > $3) AND ($4::timestamptz IS NULL OR a.starts_at < $4)';

export interface ClientPageParams {
  clientId: string;
  pivot: Date;
  from: Date | null;
  to: Date | null;
  limit: number;
  after: [number, string] | null;
}

const clientPageSql = (after: boolean) => `SELECT ${COLUMNS}, ${RANK} AS rank FROM ${FROM}
  WHERE a.client_id = $1 AND ${WINDOW} ${after ? `AND (${RANK}, a.id) > ($6::float8, $7::uuid)` : ''}
  ORDER BY rank, a.id LIMIT $5`;
const CLIENT_PAGE_SQL = clientPageSql(false);
const CLIENT_PAGE_AFTER_SQL = clientPageSql(true);
export const clientAppointmentPage = (db: SqlRunner, p: ClientPageParams) =>
  db.query<Array<AppointmentRow & { rank: number }>>(p.after ? CLIENT_PAGE_AFTER_SQL : CLIENT_PAGE_SQL, [
    p.clientId,
    p.pivot,
    p.from,
    p.to,
    p.limit,
    ...(p.after ?? []),
  ]);

const CLIENT_COUNT_SQL = `SELECT count(*)::int AS n FROM clients.appointment a WHERE a.client_id = $1 AND
  ($2::timestamptz IS NULL OR a.ends_at > $2) AND ($3::timestamptz IS NULL OR a.starts_at < $3)`;
export const clientAppointmentCount = async (db: SqlRunner, clientId: string, from: Date | null, to: Date | null) =>
  (await db.query<Array<{ n: number }>>(CLIENT_COUNT_SQL, [clientId, from, to]))[0].n;

/** A staff member's appointments are keyed by (starts_at, id). */
export const STAFF_CURSOR: readonly CursorPart[] = ['timestamp', 'uuid'];
const staffPageSql = (after: boolean) => `SELECT ${COLUMNS} FROM ${FROM}
  WHERE a.staff_member_id = $1 AND a.ends_at > $2 AND a.starts_at < $3 ${after ? 'AND (a.starts_at, a.id) > ($5::timestamptz, $6::uuid)' : ''}
  ORDER BY a.starts_at, a.id LIMIT $4`;
const STAFF_PAGE_SQL = staffPageSql(false);
const STAFF_PAGE_AFTER_SQL = staffPageSql(true);
export const staffAppointmentPage = (
  db: SqlRunner,
  p: { staffMemberId: string; from: Date; to: Date; limit: number; after: [string, string] | null },
) =>
  db.query<AppointmentRow[]>(p.after ? STAFF_PAGE_AFTER_SQL : STAFF_PAGE_SQL, [p.staffMemberId, p.from, p.to, p.limit, ...(p.after ?? [])]);

const STAFF_COUNT_SQL =
  'SELECT count(*)::int AS n FROM clients.appointment a WHERE a.staff_member_id = $1 AND a.ends_at > $2 AND a.starts_at < $3';
export const staffAppointmentCount = async (db: SqlRunner, staffMemberId: string, from: Date, to: Date) =>
  (await db.query<Array<{ n: number }>>(STAFF_COUNT_SQL, [staffMemberId, from, to]))[0].n;

const NO_SHOWS_SQL = `SELECT a.client_id, count(*)::int AS n FROM clients.appointment a
  WHERE a.client_id = ANY($1::uuid[]) AND a.status = 'NO_SHOW' AND a.starts_at > $2 GROUP BY a.client_id`;
/** How many appointments of each client since `since` were missed. */
export const noShowCounts = (db: SqlRunner, clientIds: readonly string[], since: Date) =>
  db.query<Array<{ client_id: string; n: number }>>(NO_SHOWS_SQL, [clientIds, since]);

const STARTING_SQL = `SELECT ${COLUMNS} FROM ${FROM} WHERE a.status = 'SCHEDULED' AND a.starts_at >= $1 AND a.starts_at < $2
  ORDER BY a.starts_at, a.id LIMIT $3`;
/** SCHEDULED appointments starting in [from, to), for the reminder job. */
export const appointmentsStarting = (db: SqlRunner, from: Date, to: Date, limit: number) =>
  db.query<AppointmentRow[]>(STARTING_SQL, [from, to, limit]);

export interface FeedRow {
  id: string;
  client_id: string;
  kind: AppointmentKind;
  status: AppointmentStatus;
  starts_at: Date;
  ends_at: Date;
  place: string | null;
  first_name: string;
  last_name: string;
  version: number;
}

const FEED_SQL = `SELECT a.id, a.client_id, a.kind, a.status, a.starts_at, a.ends_at, a.place, c.first_name, c.last_name, a.version
  FROM ${FROM} WHERE a.staff_member_id = $1 AND a.ends_at > $2 AND a.starts_at < $3 ORDER BY a.starts_at, a.id LIMIT 2000`;
/** A staff member's appointments for the calendar feed (the names are read for the initials only). */
export const feedAppointments = (db: SqlRunner, staffMemberId: string, from: Date, to: Date) =>
  db.query<FeedRow[]>(FEED_SQL, [staffMemberId, from, to]);
