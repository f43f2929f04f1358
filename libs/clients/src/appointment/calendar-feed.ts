/**
 * The secret address of a staff member's calendar feed. The secret is an
 * HMAC of (staff member, a random nonce) under the internal secret, and
 * only its SHA-256 is stored: a copy of the database does not open anyone's
 * feed, while the owner can be shown their address again (it is derived
 * anew and checked against the stored hash). Rotating draws a new nonce, so
 * the old address stops working at once. When the internal secret is
 * rotated, the address stays valid while the old secret is still listed
 * (after that the owner rotates the feed to get a new one).
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { Actor } from '@caseflow/auth';
import { CALENDAR_FEED_SECRET, internalSecrets } from '@caseflow/auth';
import { forbidden } from '@caseflow/core';
import { mayHoldCaseload } from '../access/access.policy';
import type { SqlRunner } from '../shared/sql';
import { feedOwnerByHash, feedSecretOf, replaceFeedSecret } from './calendar-feed.sql';
import type { ClientsDeps } from '../deps';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const deriveSecret = (key: string, staffId: string, nonce: string) =>
  createHmac('sha256', key).update(`calendar-feed:${staffId}:${nonce}`).digest('base64url');

/** The public address of a feed secret: `<dashboard>/calendar/<secret>.ics` (the dashboard passes /calendar on to the gateway). */
export const feedUrl = (dashboardUrl: string, secret: string) => new URL(`/calendar/${secret}.ics`, dashboardUrl).toString();

/** The owner of a feed secret (an active staff member), or null for an unknown or replaced secret. */
export async function feedOwner(db: SqlRunner, secret: string): Promise<Actor | null> {
  if (!CALENDAR_FEED_SECRET.test(secret)) return null;
  const row = await feedOwnerByHash(db, sha256(secret));
  return row ? { staffId: row.id, role: row.role, organizationId: row.organization_id } : null;
}

export class CalendarFeeds {
  constructor(private readonly deps: ClientsDeps) {}

  /** The caller's feed address (only to the staff member themself; null for anyone else or before the first rotation). */
  async urlFor(actor: Actor, staffId: string): Promise<string | null> {
    if (staffId !== actor.staffId) return null;
    const feed = await feedSecretOf(this.deps.dataSource, staffId);
    if (!feed) return null;
    for (const key of internalSecrets(this.deps.calendar.internalSecret)) {
      const secret = deriveSecret(key, staffId, feed.nonce);
      if (sha256(secret) === feed.secret_hash) return feedUrl(this.deps.calendar.dashboardUrl, secret);
    }
    return null;
  }

  /** A new secret address for the caller; the old one stops working with this transaction. */
  async rotate(actor: Actor): Promise<string> {
    if (!mayHoldCaseload(actor)) throw forbidden('Only case managers and supervisors have a calendar feed');
    const nonce = randomUUID();
    const secret = deriveSecret(internalSecrets(this.deps.calendar.internalSecret)[0] ?? '', actor.staffId, nonce);
    await this.deps.dataSource.transaction(async (tx) => {
      await replaceFeedSecret(tx, actor.staffId, nonce, sha256(secret));
      await this.deps.audit.write(tx, { action: 'UPDATE', entityType: 'CalendarFeed', entityId: actor.staffId, detail: 'rotated' });
    });
    return feedUrl(this.deps.calendar.dashboardUrl, secret);
  }
}
