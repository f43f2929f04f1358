import { randomUUID } from 'node:crypto';
import { type Actor, isUuid } from '@caseflow/auth';
import { addDays, localDay } from '@caseflow/core';
import { anyOf } from '@caseflow/db';
import { ClientEntity } from '../client/client.entity';
import { ConsentEntity } from '../consent/consent.entity';
import { startClientsTestbed, type ClientsTestbed, type StaffKey } from '../testing/testbed';
import { decideGrant } from './access.policy';
import { decideGrants } from './access.route';
import { currentTeamIds } from '../team/team.sql';
import { grantFacts } from './access.sql';

let tb: ClientsTestbed;
beforeAll(async () => {
  tb = await startClientsTestbed();
});
afterAll(() => tb?.stop());

const KEYS: StaffKey[] = ['casey', 'jordan', 'sam', 'pat', 'robin', 'alex', 'admin'];
const actorOf = (key: StaffKey): Actor => {
  const s = tb.staff(key);
  return { staffId: s.id, role: s.role, organizationId: s.organizationId };
};
const HOUR = 3_600_000;

describe('the access decision', () => {
  it('decides every client as the rule does over the stored client and its consents, in one statement', async () => {
    const dataSource = tb.t.subgraph.database.dataSource;
    const ids = [...tb.world.clients.map((c) => c.id), randomUUID(), 'not-a-uuid', tb.world.clients[0].id];
    const rows = await dataSource.getRepository(ClientEntity).findBy({ id: anyOf(ids.filter(isUuid)) });
    const teams = new Map((await currentTeamIds(dataSource, ids.filter(isUuid), new Date())).map((t) => [t.client_id, t.team]));
    const clients = rows.map((c) => ({ ...c, caseTeam: teams.get(c.id) ?? [] }));
    // Every consent, revoked and expired ones too: the rule itself leaves out those not active.
    const consents = (await dataSource.getRepository(ConsentEntity).find()).sort(
      (a, b) => a.signedAt.getTime() - b.signedAt.getTime() || a.id.localeCompare(b.id),
    );
    const counter = tb.t.subgraph.database.counter;
    const seen = { caseRecords: 0, consentReads: 0, sharedConsents: 0 };
    for (const key of KEYS) {
      const actor = actorOf(key);
      const mark = counter.count;
      const grants = await decideGrants(dataSource, actor, ids);
      expect(counter.since(mark)).toHaveLength(1);
      const now = new Date();
      expect(grants).toEqual(ids.map((id) => decideGrant(actor, id, clients.find((c) => c.id === id) ?? null, consents, now)));
      seen.caseRecords += grants.filter((g) => g.write).length;
      seen.consentReads += grants.filter((g) => !g.write && g.read.length > 0).length;
      seen.sharedConsents += grants.filter((g) => g.consents.length > 0).length;
    }
    // The world exercises every branch: case access, access by consent, and active consents listed for the case.
    expect(seen.caseRecords).toBeGreaterThan(0);
    expect(seen.consentReads).toBeGreaterThan(0);
    expect(seen.sharedConsents).toBeGreaterThan(0);
    expect(await decideGrants(dataSource, actorOf('sam'), ['not-a-uuid'])).toEqual([
      decideGrant(actorOf('sam'), 'not-a-uuid', null, [], new Date()),
    ]);
  });

  it('reads the consents active at the instant it is given, with their dates to the millisecond', async () => {
    const dataSource = tb.t.subgraph.database.dataSource;
    const client = tb.world.clients.find((c) => c.caseManagerId === tb.staff('casey').id && c.status === 'ACTIVE')!;
    const recipient = randomUUID();
    const now = new Date();
    const signedAt = new Date(now.getTime() - 24 * HOUR);
    const expiresAt = new Date(now.getTime() + HOUR);
    // Stored with microseconds, which the rule sees truncated to the millisecond.
    const micro = (d: Date) => d.toISOString().replace('Z', '456Z');
    const insert = `INSERT INTO clients.consent (client_id, recipient_organization_id, scope, purpose, signed_at, expires_at, revoked_at, recorded_by)
                    VALUES ($1, $2, $3, 'Access decision test', $4, $5, $6, $7)`;
    await tb.sql(insert, [client.id, recipient, ['CONTACT_INFO', 'PLANS'], micro(signedAt), micro(expiresAt), null, tb.staff('casey').id]);
    await tb.sql(insert, [client.id, recipient, ['CASE_NOTES'], signedAt, expiresAt, new Date(now.getTime() - HOUR), tb.staff('casey').id]);

    const mine = async (at: Date) =>
      (await grantFacts(dataSource, [client.id], at)).flatMap((f) => f.consents.filter((c) => c.recipientOrganizationId === recipient));
    expect(await mine(now)).toEqual([
      { clientId: client.id, recipientOrganizationId: recipient, scope: ['CONTACT_INFO', 'PLANS'], signedAt, expiresAt, revokedAt: null },
    ]);
    expect(await mine(new Date(now.getTime() + 2 * HOUR))).toEqual([]);

    const [facts] = await grantFacts(dataSource, [client.id, randomUUID()], now);
    expect(facts.client).toEqual({
      id: client.id,
      organizationId: tb.staff('casey').organizationId,
      assignedCaseManagerId: tb.staff('casey').id,
      caseTeam: [],
      status: 'ACTIVE',
    });
    expect(await grantFacts(dataSource, [], now)).toEqual([]);
  });

  it("reads the current case team: a member through their `until` day in the agency's time zone, not after it, not once removed", async () => {
    const dataSource = tb.t.subgraph.database.dataSource;
    const client = tb.world.clients.find((c) => c.caseManagerId === tb.staff('casey').id && c.status === 'INTAKE')!;
    const [jordan, sam, casey] = [tb.staff('jordan').id, tb.staff('sam').id, tb.staff('casey').id];
    const zone = (
      await tb.sql<{ time_zone: string }>('SELECT time_zone FROM clients.organization_setting WHERE organization_id = $1', [
        client.organizationId,
      ])
    )[0]?.time_zone;
    const today = localDay(new Date(), zone);
    await tb.sql(
      `INSERT INTO clients.case_team_member (client_id, staff_member_id, role, until, added_by) VALUES ($1, $2, 'SPECIALIST', $3, $4)`,
      [client.id, jordan, today, casey],
    );
    await tb.sql(
      `INSERT INTO clients.case_team_member (client_id, staff_member_id, role, added_by, removed_at, removed_by, removal_reason)
       VALUES ($1, $2, 'SPECIALIST', $3, now(), $3, 'Not needed')`,
      [client.id, sam, casey],
    );
    const teamAt = async (now: Date) => (await grantFacts(dataSource, [client.id], now))[0].client.caseTeam;
    expect(await teamAt(new Date())).toEqual([jordan]);
    const jordanActor: Actor = { staffId: jordan, role: 'CASE_MANAGER', organizationId: client.organizationId };
    expect((await decideGrants(dataSource, jordanActor, [client.id]))[0]).toMatchObject({ exists: true, write: true });
    // The first instant of the next day in the agency's zone: no longer a member.
    const tomorrow = addDays(today, 1);
    let instant = new Date(`${tomorrow}T00:00:00Z`);
    while (localDay(instant, zone) < tomorrow) instant = new Date(instant.getTime() + HOUR / 4);
    expect(await teamAt(instant)).toEqual([]);
    expect(await teamAt(new Date(instant.getTime() - HOUR / 4))).toEqual([jordan]);
  });
});
