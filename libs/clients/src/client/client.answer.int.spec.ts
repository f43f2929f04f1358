/**
 * No change answers an error after it was saved: the answer is read inside
 * the change's transaction, by the key of the row changed, so an upper-case
 * copy of a client's id changes the client once and answers it, and a
 * failure while building the answer rolls the change back.
 */
import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { AuditTrail } from '@caseflow/audit';
import { decideGrants } from '../access/access.route';
import { createClientsLoaders } from '../loaders';
import { startClientsTestbed, type ClientsTestbed } from '../testing/testbed';
import { ClientCommands } from './client.commands';
import type { Client } from './client.type';

let tb: ClientsTestbed;
beforeAll(async () => {
  tb = await startClientsTestbed();
});
afterAll(() => tb?.stop());

const row = async (id: string) => (await tb.sql('SELECT * FROM clients.client WHERE id = $1', [id]))[0];
const activeOf = (key: 'casey' | 'jordan', n = 0) =>
  tb.world.clients.filter((c) => c.caseManagerId === tb.staff(key).id && c.status === 'ACTIVE')[n];

describe('a change by an upper-case copy of a real id', () => {
  it.each([
    ['closeCase', `mutation($id: ID!) { closeCase(input: { clientId: $id, outcome: GOALS_MET }) { id status } }`],
    ['scheduleFollowUp', `mutation($id: ID!, $at: DateTime!) { scheduleFollowUp(clientId: $id, at: $at) { id status } }`],
    [
      'updateContactPreference',
      `mutation($id: ID!) { updateContactPreference(clientId: $id, input: { method: EMAIL, email: "a@b.example", voicemailAllowed: false }) { id status } }`,
    ],
  ])('%s saves once and answers the saved client under its stored (lower-case) id', async (_, query) => {
    const client = activeOf('casey', ['closeCase', 'scheduleFollowUp', 'updateContactPreference'].indexOf(_));
    const events = await tb.count('case_event', 'client_id = $1', [client.id]);
    const audits = await tb.count('audit_event', `client_id = $1 AND action = 'UPDATE'`, [client.id]);
    const res = await tb.as<Record<string, { id: string; status: string }>>('casey', query, {
      id: client.id.toUpperCase(),
      at: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data![_].id).toBe(client.id);
    expect(res.data![_].status).toBe((await row(client.id)).status);
    expect(await tb.count('audit_event', `client_id = $1 AND action = 'UPDATE'`, [client.id])).toBe(audits + 1);
    expect(await tb.count('case_event', 'client_id = $1', [client.id])).toBe(events + (_ === 'closeCase' ? 1 : 0));
  });

  it('a garbage id is a BAD_USER_INPUT naming the field, and nothing is written', async () => {
    const audits = await tb.count('audit_event');
    const res = await tb.as('casey', `mutation { reopenCase(clientId: "NOT-A-UUID", reason: "back") { id } }`);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'clientId' });
    expect(await tb.count('audit_event')).toBe(audits);
  });
});

describe('a failure while building the answer of a change', () => {
  class FailingAnswer extends ClientCommands {
    protected override async answer(tx: EntityManager, id: string): Promise<Client> {
      await super.answer(tx, id);
      throw new Error('the answer could not be built');
    }
  }

  it('rolls the change back: the client, its history and its audit trail are as before', async () => {
    const { dataSource } = tb.t.subgraph.database;
    const casey = tb.staff('casey');
    const actor = { staffId: casey.id, role: casey.role, organizationId: casey.organizationId };
    const identity = { internalToken: '', requestId: randomUUID() };
    const commands = new FailingAnswer({
      dataSource,
      loaders: createClientsLoaders(dataSource, actor),
      audit: new AuditTrail('clients', actor, identity.requestId),
      actor,
      peers: { referrals: identity, directory: identity, auditTrail: {}, identity },
      calendar: { internalSecret: '', dashboardUrl: '' },
      grants: new DataLoader((ids: readonly string[]) => decideGrants(dataSource, actor, ids)),
    });
    const client = activeOf('casey', 3);
    const before = await row(client.id);
    const events = await tb.count('case_event', 'client_id = $1', [client.id]);
    const audits = await tb.count('audit_event', 'client_id = $1', [client.id]);

    await expect(commands.closeCase(actor, { clientId: client.id, outcome: 'GOALS_MET' } as never)).rejects.toThrow(
      'the answer could not be built',
    );
    await expect(commands.scheduleFollowUp(actor, client.id, new Date(Date.now() + 86_400_000))).rejects.toThrow(
      'the answer could not be built',
    );

    expect(await row(client.id)).toEqual(before);
    expect(await tb.count('case_event', 'client_id = $1', [client.id])).toBe(events);
    expect(await tb.count('audit_event', 'client_id = $1', [client.id])).toBe(audits);
  });
});
