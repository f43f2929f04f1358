/** The consent reminder's read: active consents whose expiry falls in a window, with their client's agency and its time zone. */
import type { EntityManager } from 'typeorm';

export interface ExpiringConsentRow {
  id: string;
  client_id: string;
  organization_id: string;
  /** The agency's time zone, null when it has set none. */
  time_zone: string | null;
  expires_at: Date;
}

const EXPIRING_BETWEEN = `SELECT k.id, k.client_id, c.organization_id, s.time_zone, k.expires_at
    FROM clients.consent k
    JOIN clients.client c ON c.id = k.client_id
    LEFT JOIN clients.organization_setting s ON s.organization_id = c.organization_id
   WHERE c.status <> 'CLOSED'
     AND (k.revoked_at IS NULL OR k.revoked_at > $1)
     AND k.expires_at > $1
     AND k.expires_at >= $2 AND k.expires_at < $3
   ORDER BY k.expires_at, k.id`;

/** The consents active at `now` that expire in [from, to), of cases not closed. */
export const consentsExpiringBetween = (tx: EntityManager, now: Date, from: Date, to: Date) =>
  tx.query<ExpiringConsentRow[]>(EXPIRING_BETWEEN, [now, from, to]);
