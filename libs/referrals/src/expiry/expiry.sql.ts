/**
 * The expiry sweep's one statement a batch: due referrals (still waiting for
 * an answer past `respondBy`) are locked with FOR UPDATE SKIP LOCKED, so two
 * sweeps never take the same referral; the UPDATE re-checks the status, so a
 * partner's answer that commits first wins; the history and audit events are
 * written in the same statement.
 */
import type { EntityManager } from 'typeorm';
import type { ReferralFactsRow } from '../referral/referral.events';
import { EXPIRABLE_STATUSES } from '../referral/referral.transitions';

export interface ExpiryParams {
  /** Rows the statement expires at most. */
  batch: number;
  /** The history event's note. */
  note: string;
  /** The audit trail's actor (and organization) for a move the system makes. */
  systemActorId: string;
}

/** A referral the statement expired, and the status it left, with what its `referral.expired` event says. */
export interface ExpiredRow extends ReferralFactsRow {
  from_status: string;
}

/** The statuses it leaves, written into the statement (constants of the transition table, not input). */
const expirable = EXPIRABLE_STATUSES.map((s) => `'${s}'`).join(', ');

const EXPIRE_DUE_SQL = `WITH due AS (
   SELECT id, status FROM referrals.referral
    WHERE status IN (${expirable}) AND respond_by < now()
    ORDER BY respond_by
    LIMIT $1
    FOR UPDATE SKIP LOCKED
 ), expired AS (
   UPDATE referrals.referral r SET status = 'EXPIRED', updated_at = now()
     FROM due WHERE r.id = due.id AND r.status IN (${expirable})
   RETURNING r.id, r.client_id, due.status AS from_status, r.client_organization_id, r.referred_by, r.organization_id,
             r.organization_name, r.service_id, r.service_name, r.sent_at
 ), history AS (
   INSERT INTO referrals.referral_event (referral_id, status, at, actor_id, note)
   SELECT id, 'EXPIRED', now(), NULL, $2 FROM expired
 ), audit AS (
   INSERT INTO referrals.audit_event (actor_id, actor_role, actor_organization_id, action, entity_type, entity_id, client_id, outcome, detail, request_id)
   SELECT $3::uuid, 'SYSTEM', $3::uuid, 'TRANSITION', 'Referral', id::text, client_id, 'ALLOWED', from_status || '→EXPIRED', 'expiry-sweep'
     FROM expired
 )
 SELECT * FROM expired`;

/** Expires one batch of due referrals, with their history and audit events; what it expired (run it in the transaction that records their events). */
export function expireDue(m: EntityManager, p: ExpiryParams): Promise<ExpiredRow[]> {
  return m.query<ExpiredRow[]>(EXPIRE_DUE_SQL, [p.batch, p.note, p.systemActorId]);
}
