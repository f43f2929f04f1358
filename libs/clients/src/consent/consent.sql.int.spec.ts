import { anyOf } from '@caseflow/db';
import { startClientsTestbed, type ClientsTestbed } from '../testing/testbed';
import { ConsentEntity } from './consent.entity';
import { consentsByClients, consentsByIds } from './consent.sql';

let tb: ClientsTestbed;
const UNKNOWN = '00000000-0000-4000-8000-000000000999';
const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((x, y) => x.id.localeCompare(y.id));

beforeAll(async () => {
  tb = await startClientsTestbed();
  // The demo never records a witness: one consent with a witness and a wider scope.
  const [one] = await tb.sql<{ client_id: string; recipient_organization_id: string; recorded_by: string }>(
    'SELECT client_id, recipient_organization_id, recorded_by FROM clients.consent ORDER BY id LIMIT 1',
  );
  await tb.sql(
    `INSERT INTO clients.consent (client_id, recipient_organization_id, scope, purpose, signed_at, expires_at, witness, recorded_by)
     VALUES ($1, $2, ARRAY['CONTACT_INFO', 'ASSESSMENTS', 'PLANS'], 'Housing support', now() - interval '1 day', now() + interval '90 days',
             'A. Witness', $3)`,
    [one.client_id, one.recipient_organization_id, one.recorded_by],
  );
});
afterAll(() => tb?.stop());

describe('consent reads', () => {
  it("reads every client's consents as the entities they stand for, as TypeORM would", async () => {
    const db = tb.t.subgraph.database.dataSource;
    const clientIds = tb.world.clients.map((c) => c.id);
    const prepared = byId(await consentsByClients(db, [...clientIds, UNKNOWN]));
    const entities = byId(await db.getRepository(ConsentEntity).findBy({ clientId: anyOf(clientIds) }));
    expect(prepared).toHaveLength(await tb.count('consent'));
    expect(prepared.some((c) => c.witness !== null)).toBe(true);
    expect(prepared.some((c) => c.revokedAt !== null)).toBe(true);
    expect(prepared).toEqual(entities.map((e) => ({ ...e })));
    expect(await consentsByClients(db, [])).toEqual([]);
  });

  it('reads consents by id as the entities they stand for', async () => {
    const db = tb.t.subgraph.database.dataSource;
    const ids = (await tb.sql<{ id: string }>('SELECT id FROM clients.consent')).map((r) => r.id);
    const prepared = byId(await consentsByIds(db, [...ids, UNKNOWN]));
    const entities = byId(await db.getRepository(ConsentEntity).findBy({ id: anyOf(ids) }));
    expect(prepared).toHaveLength(ids.length);
    expect(prepared).toEqual(entities.map((e) => ({ ...e })));
    expect(await consentsByIds(db, [])).toEqual([]);
  });
});
