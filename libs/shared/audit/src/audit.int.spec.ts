import { DataSource } from 'typeorm';
import { createTestDatabase } from '@caseflow/testing';
import { AuditTrail, auditTableSql } from './audit';
import { AuditWriter } from './audit-writer';

const actor = {
  staffId: '00000000-0000-4000-8000-000000000001',
  role: 'CASE_MANAGER' as const,
  organizationId: '00000000-0000-4000-8000-00000000000a',
};
const clientId = '00000000-0000-4000-8000-0000000000c1';
let db: DataSource;

beforeAll(async () => {
  db = new DataSource({ type: 'postgres', url: await createTestDatabase('audit') });
  await db.initialize();
  await db.query('CREATE SCHEMA audit_test');
  for (const statement of auditTableSql('audit_test')) await db.query(statement);
});
afterAll(() => db?.destroy());

const rows = () =>
  db.query(
    'SELECT action, entity_type, entity_id, client_id, outcome, detail, request_id, actor_role FROM audit_test.audit_event ORDER BY id',
  );

describe('the audit trail', () => {
  it("writes a request's buffered events once each, in one statement, with the caller and request id", async () => {
    const trail = new AuditTrail('audit_test', actor, 'req-1');
    trail.note({ action: 'READ', entityType: 'Client', entityId: clientId, clientId });
    trail.note({ action: 'READ', entityType: 'Client', entityId: clientId, clientId });
    trail.note({ action: 'READ', entityType: 'Client', entityId: clientId, clientId, outcome: 'DENIED' });
    expect(trail.pendingCount).toBe(2);
    const logged: string[] = [];
    await trail.flush(
      new AuditWriter({ query: (sql: string, params?: unknown[]) => (logged.push(sql), db.query(sql, params)) }, 'audit_test'),
    );
    expect(logged).toHaveLength(1);
    expect(await rows()).toEqual([
      {
        action: 'READ',
        entity_type: 'Client',
        entity_id: clientId,
        client_id: clientId,
        outcome: 'ALLOWED',
        detail: null,
        request_id: 'req-1',
        actor_role: 'CASE_MANAGER',
      },
      {
        action: 'READ',
        entity_type: 'Client',
        entity_id: clientId,
        client_id: clientId,
        outcome: 'DENIED',
        detail: null,
        request_id: 'req-1',
        actor_role: 'CASE_MANAGER',
      },
    ]);
    await trail.flush(new AuditWriter(db, 'audit_test'));
    expect(await rows()).toHaveLength(2);
    await expect(trail.flush(new AuditWriter(db, 'plans'))).resolves.toBeUndefined();
    trail.note({ action: 'SEARCH', entityType: 'Client' });
    await expect(trail.flush(new AuditWriter(db, 'plans'))).rejects.toThrow(/"audit_test" handed to the writer of "plans"/);
    expect(await rows()).toHaveLength(2);
  });

  it("notes a READ of each row read: a case's records under their client, a page of clients under each one", async () => {
    const trail = new AuditTrail('audit_test', actor, 'req-reads');
    const otherClient = '00000000-0000-4000-8000-0000000000c2';
    trail.noteReads('Consent', [{ id: '00000000-0000-4000-8000-0000000000e1' }, { id: '00000000-0000-4000-8000-0000000000e2' }], clientId);
    trail.noteReads('Client', [{ id: clientId }, { id: otherClient }]);
    trail.noteReads('Consent', [], clientId);
    await trail.flush(new AuditWriter(db, 'audit_test'));
    const written = await db.query(
      "SELECT entity_type, entity_id, client_id, action FROM audit_test.audit_event WHERE request_id = 'req-reads' ORDER BY id",
    );
    expect(written).toEqual([
      { entity_type: 'Consent', entity_id: '00000000-0000-4000-8000-0000000000e1', client_id: clientId, action: 'READ' },
      { entity_type: 'Consent', entity_id: '00000000-0000-4000-8000-0000000000e2', client_id: clientId, action: 'READ' },
      { entity_type: 'Client', entity_id: clientId, client_id: clientId, action: 'READ' },
      { entity_type: 'Client', entity_id: otherClient, client_id: otherClient, action: 'READ' },
    ]);
  });

  it("records a change inside the caller's transaction, so a rolled-back change leaves no event", async () => {
    const trail = new AuditTrail('audit_test', actor, 'req-2');
    await expect(
      db.transaction(async (tx) => {
        await trail.write(tx, { action: 'UPDATE', entityType: 'Client', entityId: clientId, clientId, detail: 'status' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await rows()).filter((r: { request_id: string }) => r.request_id === 'req-2')).toEqual([]);
  });

  it('refuses a change whose event cannot be written: UNAVAILABLE, and the change rolls back', async () => {
    await db.query('CREATE TABLE audit_test.thing (id int PRIMARY KEY)');
    const broken = new AuditTrail('audit_test_missing', actor, 'req-3');
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO audit_test.thing VALUES (1)');
        await broken.write(tx, { action: 'CREATE', entityType: 'Thing', entityId: '1' });
      }),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(await db.query('SELECT id FROM audit_test.thing')).toEqual([]);
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const before = await rows();
    await expect(db.query(`UPDATE audit_test.audit_event SET outcome = 'ALLOWED'`)).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_test.audit_event')).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE audit_test.audit_event')).rejects.toThrow(/append-only/);
    expect(await rows()).toEqual(before);
  });
});
