import { HARBOUR_ID, NORTHSIDE_ID } from '@caseflow/demo';
import { startClientsTestbed, type ClientsTestbed } from '../testing/testbed';
import { recordExpiringConsents } from './consent-expiry.job';

let tb: ClientsTestbed;
beforeAll(async () => {
  tb = await startClientsTestbed();
});
afterAll(() => tb?.stop());

const DAY = 86_400_000;
const HOUR = 3_600_000;

describe('the consent expiry reminder', () => {
  it("records consent.expiring for open cases' active consents expiring 14 days after the agency's local today, once per consent and day", async () => {
    // Noon UTC today: it is already tomorrow in Kiritimati (UTC+14, no daylight saving time).
    const noon = new Date(`${new Date().toISOString().slice(0, 10)}T12:00:00Z`);
    const at = (days: number, hours: number) => new Date(noon.getTime() + days * DAY + hours * HOUR - 12 * HOUR);
    const casey = tb.staff('casey');
    const client = tb.world.clients.find((c) => c.caseManagerId === casey.id && c.status === 'ACTIVE')!;
    const closed = tb.world.clients.find((c) => c.status === 'CLOSED')!;
    const insert = async (expiresAt: Date, revokedAt: Date | null = null, clientId = client.id) => {
      const [row] = await tb.sql<{ id: string }>(
        `INSERT INTO clients.consent (client_id, recipient_organization_id, scope, purpose, signed_at, expires_at, revoked_at, recorded_by)
         VALUES ($1, $2, '{CONTACT_INFO}', 'Expiry reminder test', $3, $4, $5, $6) RETURNING id`,
        [clientId, NORTHSIDE_ID, new Date(noon.getTime() - 30 * DAY), expiresAt, revokedAt, casey.id],
      );
      return row.id;
    };
    // Day 14 in UTC, day 14 still in Kiritimati (19:00 there).
    const utcDay14 = await insert(at(14, 5));
    // Day 15 in UTC (00:30), which is day 15 in Kiritimati too (14:30) — "14 days" there, since its today is UTC's tomorrow.
    const kiritimatiDay14 = await insert(at(15, 0.5));
    const tooEarly = await insert(at(13, 12));
    const tooLate = await insert(at(16, 12));
    const revoked = await insert(at(14, 6), new Date(noon.getTime() - DAY));
    const ofClosedCase = await insert(at(14, 7), null, closed.id);
    const ours = [utcDay14, kiritimatiDay14, tooEarly, tooLate, revoked, ofClosedCase];
    const announced = () =>
      tb.sql<{ aggregate_id: string; payload: unknown; organization_id: string }>(
        `SELECT aggregate_id, organization_id, payload FROM clients.outbox_event
          WHERE type = 'consent.expiring' AND aggregate_id = ANY($1::uuid[]) ORDER BY position`,
        [ours],
      );
    const dataSource = tb.t.subgraph.database.dataSource;
    const day = (d: Date) => d.toISOString().slice(0, 10);

    // The agency works in UTC.
    await tb.sql('UPDATE clients.organization_setting SET time_zone = $1 WHERE organization_id = $2', ['UTC', HARBOUR_ID]);
    await recordExpiringConsents(dataSource, noon);
    await recordExpiringConsents(dataSource, new Date(noon.getTime() + HOUR));
    expect(await announced()).toEqual([
      {
        aggregate_id: utcDay14,
        organization_id: HARBOUR_ID,
        payload: { consentId: utcDay14, clientId: client.id, organizationId: HARBOUR_ID, expiresOn: day(at(14, 0)) },
      },
    ]);
    expect(await tb.count('outbox_once', 'once_key = $1', [`consent.expiring:${utcDay14}:${day(noon)}`])).toBe(1);

    // In Kiritimati the same instant is a day later: the other consent is 14 local days away.
    await tb.sql('UPDATE clients.organization_setting SET time_zone = $1 WHERE organization_id = $2', ['Pacific/Kiritimati', HARBOUR_ID]);
    expect(await recordExpiringConsents(dataSource, noon)).toBeGreaterThanOrEqual(1);
    const after = await announced();
    expect(after.map((e) => e.aggregate_id)).toEqual([utcDay14, kiritimatiDay14]);
    expect(after[1].payload).toEqual({
      consentId: kiritimatiDay14,
      clientId: client.id,
      organizationId: HARBOUR_ID,
      expiresOn: day(at(15, 0)),
    });

    // Ticks later the same day record nothing more.
    await recordExpiringConsents(dataSource, noon);
    await recordExpiringConsents(dataSource, new Date(noon.getTime() + 2 * HOUR));
    expect(await announced()).toEqual(after);
  });
});
