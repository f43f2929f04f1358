/**
 * The PostgreSQL store of documents' content, on a real database: content
 * cut into 256 KB chunks in the upload's transaction and read back in order,
 * and nothing left of a transaction that rolls back.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { seedClients } from '@caseflow/clients-seed';
import { startClientsTestbed, type ClientsTestbed } from '../testing/testbed';
import { CHUNK_BYTES, PostgresDocumentStore } from './document-store';
import { insertDocument } from './document.sql';

let bed: ClientsTestbed;
beforeAll(async () => {
  bed = await startClientsTestbed();
});
afterAll(() => bed?.stop());

const store = new PostgresDocumentStore();

/** Yields the content in uneven pieces, as a network stream does. */
async function* pieces(content: Buffer, size: number): AsyncIterable<Buffer> {
  for (let at = 0; at < content.length; at += size) yield content.subarray(at, at + size);
}

async function readAll(id: string): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of store.get(bed.t.subgraph.database.dataSource.manager, id)) chunks.push(chunk);
  return chunks;
}

const client = () => bed.world.clients[0];

function row(id: string, size: number) {
  return {
    id,
    client_id: client().id,
    kind: 'OTHER' as const,
    title: 'Stored',
    content_type: 'application/pdf' as const,
    size_bytes: size,
    sha256: '0'.repeat(64),
    storage: 'postgres' as const,
    consent_id: null,
    uploaded_by: client().caseManagerId,
  };
}

describe('the PostgreSQL document store', () => {
  it('keeps the content in 256 KB chunks written in the transaction, and gives it back in order', async () => {
    const content = Buffer.concat([Buffer.from('%PDF-'), randomBytes(2 * CHUNK_BYTES + 1000)]);
    const id = randomUUID();
    await bed.t.subgraph.database.dataSource.transaction(async (tx) => {
      await store.put(tx, id, pieces(content, 70_001));
      await insertDocument(tx, row(id, content.length));
    });
    expect(await bed.count('document_chunk', 'document_id = $1', [id])).toBe(3);
    const chunks = await readAll(id);
    expect(chunks.map((c) => c.length)).toEqual([CHUNK_BYTES, CHUNK_BYTES, content.length - 2 * CHUNK_BYTES]);
    expect(Buffer.concat(chunks).equals(content)).toBe(true);
  });

  it('leaves nothing when the upload fails part-way (the transaction rolls back)', async () => {
    const id = randomUUID();
    async function* failing(): AsyncIterable<Buffer> {
      yield randomBytes(CHUNK_BYTES);
      yield randomBytes(CHUNK_BYTES);
      throw new Error('the upload was cut short');
    }
    const before = await bed.count('document_chunk');
    await expect(
      bed.t.subgraph.database.dataSource.transaction(async (tx) => {
        await store.put(tx, id, failing());
        await insertDocument(tx, row(id, 2 * CHUNK_BYTES));
      }),
    ).rejects.toThrow('cut short');
    expect(await bed.count('document_chunk')).toBe(before);
    expect(await bed.count('document', 'id = $1', [id])).toBe(0);
    expect(await readAll(id)).toEqual([]);
  });

  it('refuses chunks whose document row never comes (checked at commit)', async () => {
    const id = randomUUID();
    const before = await bed.count('document_chunk');
    await expect(
      bed.t.subgraph.database.dataSource.transaction((tx) => store.put(tx, id, pieces(Buffer.from('%PDF-orphan'), 4))),
    ).rejects.toThrow(/foreign key/);
    expect(await bed.count('document_chunk')).toBe(before);
  });
});

describe('the demo documents', () => {
  it("are small valid PDFs on Casey's clients, stored with their hash, one a signed consent form, and seeding again adds none", async () => {
    const rows = await bed.sql<{ id: string; kind: string; sha256: string; size_bytes: number; consent_id: string | null }>(
      `SELECT d.id, d.kind, d.sha256, d.size_bytes, d.consent_id FROM clients.document d JOIN clients.client c ON c.id = d.client_id
       WHERE c.assigned_case_manager_id = $1 AND d.title <> 'Stored'`,
      [bed.staff('casey').id],
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => r.kind === 'SIGNED_CONSENT' && r.consent_id)).toBe(true);
    for (const row of rows) {
      const content = Buffer.concat(await readAll(row.id));
      expect(content.subarray(0, 5).toString()).toBe('%PDF-');
      expect(content.subarray(-6).toString()).toBe('%%EOF\n');
      expect(content.length).toBe(row.size_bytes);
      expect(createHash('sha256').update(content).digest('hex')).toBe(row.sha256);
    }
    const before = [await bed.count('document'), await bed.count('document_chunk')];
    await seedClients(bed.t.subgraph.database.dataSource, bed.world);
    expect([await bed.count('document'), await bed.count('document_chunk')]).toEqual(before);
  });
});
