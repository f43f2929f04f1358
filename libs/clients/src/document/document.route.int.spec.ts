/**
 * The clients subgraph's documents route itself (the gateway's side is in
 * apps/e2e/src/documents.int.spec.ts): the internal token is required, and a
 * download whose audit event cannot be written is refused, no byte sent.
 */
import type { Client as PgClient } from 'pg';
import { DOCUMENTS_PATH } from '@caseflow/auth';
import { internalHeaders, withConnection } from '@caseflow/testing';
import { startClientsTestbed, type ClientsTestbed } from '../testing/testbed';

let bed: ClientsTestbed;
beforeAll(async () => {
  bed = await startClientsTestbed();
});
afterAll(() => bed?.stop());

const casey = () => {
  const s = bed.staff('casey');
  return { staffId: s.id, role: s.role, organizationId: s.organizationId };
};
const route = (path = '') => new URL(`${DOCUMENTS_PATH}${path}`, bed.t.url).toString();

/** Runs `work` as the database's owner (past the subgraph's role). */
const superuser = <T>(work: (db: PgClient) => Promise<T>) => withConnection(bed.t.databaseUrl, work);

async function uploadAsCasey(): Promise<{ id: string }> {
  const client = bed.world.clients.find((c) => c.caseManagerId === casey().staffId && c.status === 'ACTIVE')!;
  const form = new FormData();
  form.append('clientId', client.id);
  form.append('kind', 'LETTER');
  form.append('title', 'Letter');
  form.append('file', new Blob([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')]), 'letter.pdf');
  const response = await fetch(route(), { method: 'POST', body: form, headers: await internalHeaders(casey(), bed.t.secret) });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string };
}

describe('the documents route of the clients subgraph', () => {
  it('refuses a caller without a valid internal token, before anything is read or stored', async () => {
    const before = await bed.count('document');
    const form = new FormData();
    form.append('file', new Blob([new TextEncoder().encode('%PDF-1.4\n')]), 'x.pdf');
    expect((await fetch(route(), { method: 'POST', body: form })).status).toBe(401);
    expect((await fetch(route(`/${bed.world.clients[0].id}`))).status).toBe(401);
    expect(await bed.count('document')).toBe(before);
  });

  it('refuses a download whose audit event cannot be written (503, no content), and serves it again once it can', async () => {
    const { id } = await uploadAsCasey();
    await superuser(async (db) => {
      await db.query(`CREATE FUNCTION clients.test_refuse_document_reads() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$`);
      await db.query(`CREATE TRIGGER test_refuse_document_reads BEFORE INSERT ON clients.audit_event FOR EACH ROW
        WHEN (NEW.entity_type = 'ClientDocument' AND NEW.action = 'READ') EXECUTE FUNCTION clients.test_refuse_document_reads()`);
    });
    try {
      const refused = await fetch(route(`/${id}`), { headers: await internalHeaders(casey(), bed.t.secret) });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await refused.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(body.errors[0].extensions.code).toBe('UNAVAILABLE');
    } finally {
      await superuser(async (db) => {
        await db.query('DROP TRIGGER test_refuse_document_reads ON clients.audit_event');
        await db.query('DROP FUNCTION clients.test_refuse_document_reads()');
      });
    }
    const served = await fetch(route(`/${id}`), { headers: await internalHeaders(casey(), bed.t.secret) });
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).toString()).toBe('%PDF-1.4\n%%EOF\n');
    expect(await bed.count('audit_event', "entity_type = 'ClientDocument' AND action = 'READ' AND entity_id = $1", [id])).toBe(1);
  });
});
