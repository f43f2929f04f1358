/**
 * Documents through the gateway, with every subgraph real and the
 * PostgreSQL store: uploads streamed by POST /documents and downloads by
 * GET /documents/<id>, the type decided from the content, the 10 MB limit,
 * the SHA-256, the audit of every download, who may open what (a 404 for
 * anyone who may not, partners included), retitling and signed consent
 * forms.
 */
import { createHash, randomBytes } from 'node:crypto';
import { errorCodes } from '@caseflow/testing';
import { type StaffKey, startTestStack, type TestStack } from './harness';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ production: true });
});
afterAll(() => stack?.stop());

/** A small valid PDF with a line of text. */
function pdf(text: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

/** A PNG signature followed by `size` bytes of noise (only the first bytes decide the type). */
function png(size: number): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size)]);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const bearer = async (key: StaffKey) => ({ authorization: `Bearer ${await stack.issuer.token(stack.actor(key))}` });

interface Upload {
  clientId?: string;
  kind?: string;
  title?: string;
  consentId?: string;
  file?: { bytes: Buffer; name: string; type?: string };
}

async function upload(key: StaffKey | null, form: Upload): Promise<Response> {
  const body = new FormData();
  for (const name of ['clientId', 'kind', 'title', 'consentId'] as const) {
    if (form[name] !== undefined) body.append(name, form[name] as string);
  }
  if (form.file)
    body.append('file', new Blob([new Uint8Array(form.file.bytes)], { type: form.file.type ?? 'application/pdf' }), form.file.name);
  return fetch(new URL('/documents', stack.gatewayBaseUrl), { method: 'POST', body, headers: key ? await bearer(key) : {} });
}

async function download(key: StaffKey | null, path: string): Promise<Response> {
  return fetch(new URL(path, stack.gatewayBaseUrl), { headers: key ? await bearer(key) : {} });
}

async function counts(): Promise<{ documents: number; chunks: number }> {
  const [row] = await stack.sql<{ documents: string; chunks: string }>(
    'SELECT (SELECT count(*) FROM clients.document) AS documents, (SELECT count(*) FROM clients.document_chunk) AS chunks',
  );
  return { documents: Number(row.documents), chunks: Number(row.chunks) };
}

const downloadsOf = async (documentId: string, outcome = 'ALLOWED') =>
  Number(
    (
      await stack.sql<{ n: string }>(
        "SELECT count(*) AS n FROM clients.audit_event WHERE action = 'READ' AND entity_type = 'ClientDocument' AND entity_id = $1 AND outcome = $2",
        [documentId, outcome],
      )
    )[0].n,
  );

/** One of Casey's open clients. */
const caseysClient = () => {
  const client = stack.world.clients.find((c) => c.caseManagerId === stack.staff('casey').id && c.status !== 'CLOSED');
  if (!client) throw new Error('the demo world has no open client of Casey');
  return client;
};

interface StoredDocument {
  id: string;
  kind: string;
  title: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  downloadPath: string;
}

describe('uploading a document', () => {
  it('stores a PDF and a PNG over 1 MB (not the GraphQL body limit), whose downloads give back the same bytes, hash and type', async () => {
    const clientId = caseysClient().id;
    for (const [bytes, name, contentType, kind] of [
      [pdf('Release of information'), 'release.pdf', 'application/pdf', 'LETTER'],
      [png(1_500_000), 'id-card.png', 'image/png', 'IDENTIFICATION'],
    ] as const) {
      const response = await upload('casey', {
        clientId,
        kind,
        title: `Upload ${name}`,
        file: { bytes, name, type: 'application/octet-stream' },
      });
      expect(response.status).toBe(201);
      const stored = (await response.json()) as StoredDocument;
      expect(stored).toMatchObject({ kind, title: `Upload ${name}`, contentType, sizeBytes: bytes.length, sha256: sha256(bytes) });
      expect(stored.downloadPath).toBe(`/documents/${stored.id}`);

      const before = await downloadsOf(stored.id);
      const got = await download('casey', stored.downloadPath);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe(contentType);
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      expect(got.headers.get('cache-control')).toBe('no-store');
      expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename="Upload-[A-Za-z0-9._-]+"$/);
      const content = Buffer.from(await got.arrayBuffer());
      expect(content.equals(bytes)).toBe(true);
      expect(sha256(content)).toBe(stored.sha256);
      expect(await downloadsOf(stored.id)).toBe(before + 1);
    }
  });

  it('leaves the GraphQL body limit at 1 MB', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { ...(await bearer('casey')), 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }', variables: { padding: 'x'.repeat(1_500_000) } }),
    });
    expect(response.status).toBe(413);
  });

  it.each([
    ['a disguised executable named x.pdf', { bytes: Buffer.concat([Buffer.from('MZ'), randomBytes(2048)]), name: 'x.pdf' }, 415],
    ['an empty file', { bytes: Buffer.alloc(0), name: 'empty.pdf' }, 400],
  ])('refuses %s naming the file field, and stores nothing', async (_label, file, status) => {
    const before = await counts();
    const response = await upload('casey', { clientId: caseysClient().id, kind: 'OTHER', title: 'Suspicious', file });
    expect(response.status).toBe(status);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string; field?: string } }> };
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(await counts()).toEqual(before);
  });

  it('refuses an 11 MB file with 413, and stores nothing', async () => {
    const before = await counts();
    const response = await upload('casey', {
      clientId: caseysClient().id,
      kind: 'OTHER',
      title: 'Too large',
      file: { bytes: Buffer.concat([pdf('large'), randomBytes(11 * 1024 * 1024)]), name: 'large.pdf' },
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: Array<{ extensions: { field?: string } }> };
    expect(body.errors[0].extensions.field).toBe('file');
    expect(await counts()).toEqual(before);
  });

  it('stops a streamed upload (no declared length) as soon as it passes 10 MB, and keeps none of it', async () => {
    const before = await counts();
    const boundary = 'caseflowtestboundary';
    const head = Buffer.from(
      [
        ...[
          ['clientId', caseysClient().id],
          ['kind', 'OTHER'],
          ['title', 'Streamed'],
        ].map(([name, value]) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="big.pdf"\r\ncontent-type: application/pdf\r\n\r\n`,
      ].join(''),
    );
    const piece = Buffer.concat([pdf('streamed'), randomBytes(1024 * 1024 - 200)]);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(head);
        if (sent < 11) controller.enqueue(piece);
        else {
          controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`));
          controller.close();
        }
        sent += 1;
      },
    });
    const response = await fetch(new URL('/documents', stack.gatewayBaseUrl), {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { ...(await bearer('casey')), 'content-type': `multipart/form-data; boundary=${boundary}` },
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it('names each missing or bad field, and stores nothing', async () => {
    const before = await counts();
    const file = { bytes: pdf('fields'), name: 'a.pdf' };
    const clientId = caseysClient().id;
    for (const [form, field] of [
      [{ kind: 'OTHER', title: 'No client', file }, 'clientId'],
      [{ clientId: 'not-a-uuid', kind: 'OTHER', title: 'Bad client', file }, 'clientId'],
      [{ clientId, kind: 'PASSPORT', title: 'Bad kind', file }, 'kind'],
      [{ clientId, kind: 'OTHER', title: '', file }, 'title'],
      [{ clientId, kind: 'OTHER', title: 'x'.repeat(201), file }, 'title'],
      [{ clientId, kind: 'OTHER', title: 'Consent on a letter', consentId: clientId, file }, 'consentId'],
      [{ clientId, kind: 'OTHER', title: 'No file' }, 'file'],
    ] as Array<[Upload, string]>) {
      const response = await upload('casey', form);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: Array<{ extensions: { code: string; field?: string } }> };
      expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await counts()).toEqual(before);
  });

  it('answers 401 without a token, and refuses an upload to a client the caller may not change', async () => {
    const before = await counts();
    const form = { clientId: caseysClient().id, kind: 'OTHER', title: 'Not mine', file: { bytes: pdf('x'), name: 'x.pdf' } };
    expect((await upload(null, form)).status).toBe(401);
    for (const key of ['jordan', 'pat', 'alex', 'admin'] as const) {
      expect([403, 404]).toContain((await upload(key, form)).status);
    }
    expect((await upload('sam', { ...form, title: 'By the supervisor' })).status).toBe(201);
    expect(await counts()).toEqual({ documents: before.documents + 1, chunks: before.chunks + 1 });
  });
});

describe('who may open a document', () => {
  let stored: StoredDocument;
  beforeAll(async () => {
    const client = caseysClient();
    // A consent to Northside covering everything a consent can: documents are still never theirs.
    const consent = await stack.as('casey', 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', {
      input: {
        clientId: client.id,
        recipientOrganizationId: stack.staff('pat').organizationId,
        scope: ['CONTACT_INFO', 'ASSESSMENTS', 'PLANS', 'REFERRAL_DETAILS', 'CASE_NOTES'],
        purpose: 'Coordinated support',
        signedAt: new Date(Date.now() - 60_000).toISOString(),
      },
    });
    expect(consent.errors).toBeUndefined();
    const response = await upload('casey', {
      clientId: client.id,
      kind: 'RESUME',
      title: 'Resume',
      file: { bytes: pdf('resume'), name: 'cv.pdf' },
    });
    stored = (await response.json()) as StoredDocument;
  });

  it('gives it to the case manager and the supervisor, each download audited', async () => {
    for (const key of ['casey', 'sam'] as const) {
      const before = await downloadsOf(stored.id);
      expect((await download(key, stored.downloadPath)).status).toBe(200);
      expect(await downloadsOf(stored.id)).toBe(before + 1);
    }
  });

  it('answers 404 to a partner (even under a consent), an analyst, an admin and another case manager, as for no document, and audits the refusal', async () => {
    for (const key of ['pat', 'robin', 'alex', 'admin', 'jordan'] as const) {
      const before = await downloadsOf(stored.id, 'DENIED');
      const response = await download(key, stored.downloadPath);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(stored.title);
      expect(await downloadsOf(stored.id, 'DENIED')).toBe(before + 1);
    }
    const missing = await download('casey', '/documents/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect((await download('casey', '/documents/not-an-id')).status).toBe(404);
  });

  it('answers 401 without a token', async () => {
    expect((await download(null, stored.downloadPath)).status).toBe(401);
  });

  it('lists the documents on the client, newest first, and none to a partner under a consent', async () => {
    const query = 'query($id: ID!) { client(id: $id) { documents { id title uploadedBy { id } downloadPath } } }';
    const casey = await stack.as<{ client: { documents: Array<{ id: string; uploadedBy: { id: string } }> } }>('casey', query, {
      id: caseysClient().id,
    });
    expect(casey.errors).toBeUndefined();
    expect(casey.data!.client.documents[0]).toMatchObject({ id: stored.id, uploadedBy: { id: stack.staff('casey').id } });
    const pat = await stack.as<{ client: { documents: unknown[] } }>('pat', query, { id: caseysClient().id });
    expect(pat.errors).toBeUndefined();
    expect(pat.data!.client.documents).toEqual([]);
  });
});

describe('retitling and signed consent forms', () => {
  const RETITLE = `mutation($id: ID!, $title: String!, $kind: DocumentKind!) {
    retitleDocument(documentId: $id, title: $title, kind: $kind) { id title kind sha256 } }`;

  it('changes the title and kind only, audited, for the case manager; answers NOT_FOUND to others and refuses bad input, with nothing changed', async () => {
    const bytes = pdf('letter');
    const stored = (await (
      await upload('casey', { clientId: caseysClient().id, kind: 'OTHER', title: 'Scan 1', file: { bytes, name: 'scan.pdf' } })
    ).json()) as StoredDocument;
    const row = () => stack.sql('SELECT title, kind, sha256, size_bytes FROM clients.document WHERE id = $1', [stored.id]);
    const original = await row();

    for (const key of ['jordan', 'pat', 'alex'] as const) {
      expect(errorCodes(await stack.as(key, RETITLE, { id: stored.id, title: 'Mine', kind: 'LETTER' }))).toEqual(['NOT_FOUND']);
    }
    const bad = await stack.as('casey', RETITLE, { id: stored.id, title: ' ', kind: 'LETTER' });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors?.[0].extensions?.field).toBe('title');
    expect(await row()).toEqual(original);

    const done = await stack.as<{ retitleDocument: { title: string; kind: string; sha256: string } }>('casey', RETITLE, {
      id: stored.id,
      title: 'Letter from the landlord',
      kind: 'LETTER',
    });
    expect(done.errors).toBeUndefined();
    expect(done.data!.retitleDocument).toEqual({ id: stored.id, title: 'Letter from the landlord', kind: 'LETTER', sha256: sha256(bytes) });
    const [audit] = await stack.sql<{ detail: string }>(
      "SELECT detail FROM clients.audit_event WHERE action = 'UPDATE' AND entity_type = 'ClientDocument' AND entity_id = $1 AND outcome = 'ALLOWED'",
      [stored.id],
    );
    expect(audit.detail).toBe('title,kind');
    const content = Buffer.from(await (await download('casey', stored.downloadPath)).arrayBuffer());
    expect(content.equals(bytes)).toBe(true);
  });

  it("attaches a signed form to its consent, refuses another client's consent, and shows the latest as Consent.signedForm", async () => {
    const client = caseysClient();
    const other = stack.world.clients.find((c) => c.caseManagerId === stack.staff('casey').id && c.id !== client.id)!;
    const recorded = await stack.as<{ recordConsent: { id: string } }>(
      'casey',
      'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }',
      {
        input: {
          clientId: other.id,
          recipientOrganizationId: stack.staff('robin').organizationId,
          scope: ['CONTACT_INFO'],
          purpose: 'Housing search',
          signedAt: new Date(Date.now() - 60_000).toISOString(),
        },
      },
    );
    expect(recorded.errors).toBeUndefined();
    const consentId = recorded.data!.recordConsent.id;

    const before = await counts();
    const wrong = await upload('casey', {
      clientId: client.id,
      kind: 'SIGNED_CONSENT',
      title: 'Signed release',
      consentId,
      file: { bytes: pdf('signed'), name: 'signed.pdf' },
    });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { errors: Array<{ extensions: { field: string } }> }).errors[0].extensions.field).toBe('consentId');
    expect(await counts()).toEqual(before);

    const signed = (await (
      await upload('casey', {
        clientId: other.id,
        kind: 'SIGNED_CONSENT',
        title: 'Signed release',
        consentId,
        file: { bytes: pdf('signed'), name: 'signed.pdf' },
      })
    ).json()) as StoredDocument;
    const answer = await stack.as<{
      client: { consents: Array<{ id: string; signedForm: { id: string; consent: { id: string } } | null }> };
    }>('casey', 'query($id: ID!) { client(id: $id) { consents { id signedForm { id consent { id } } } } }', { id: other.id });
    expect(answer.errors).toBeUndefined();
    const consent = answer.data!.client.consents.find((c) => c.id === consentId);
    expect(consent?.signedForm).toEqual({ id: signed.id, consent: { id: consentId } });
  });
});
