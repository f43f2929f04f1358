/** The pure parts of documents: the type from the first bytes, the chunking, the download's file name, the form's fields, the S3 settings. */
import { AppError } from '@caseflow/core';
import { rechunk } from './document-store';
import { safeFileName } from './document.download';
import { loadDocumentSettings } from './document.settings';
import { checkForm } from './document.upload';
import { sniffContentType } from './magic-bytes';
import { objectKey, s3ClientConfig } from './s3-store';

const bytes = (...values: number[]) => Uint8Array.from(values);
const fieldOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof AppError ? error.details.field : error;
  }
  return undefined;
};

describe('the type of a document, from its first bytes', () => {
  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n'), 'application/pdf'],
    ['a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'image/png'],
    ['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
  ])('knows %s', (_label, head, type) => {
    expect(sniffContentType(head)).toBe(type);
  });

  it.each([
    ['a Windows executable', Buffer.from('MZ\x90\x00\x03')],
    ['a ZIP (or an office document)', bytes(0x50, 0x4b, 0x03, 0x04)],
    ['HTML', Buffer.from('<html><script>')],
    ['a PDF signature not at the start', Buffer.from(' %PDF-1.7')],
    ['a truncated PNG signature', bytes(0x89, 0x50, 0x4e, 0x47)],
    ['nothing', bytes()],
  ])('refuses %s', (_label, head) => {
    expect(sniffContentType(head)).toBeNull();
  });
});

describe('rechunk', () => {
  it('cuts pieces of any size into chunks of the given size, the last one shorter', async () => {
    async function* pieces() {
      yield Buffer.from('abc');
      yield Buffer.from('defghij');
      yield Buffer.from('k');
    }
    const out: string[] = [];
    for await (const chunk of rechunk(pieces(), 4)) out.push(chunk.toString());
    expect(out).toEqual(['abcd', 'efgh', 'ijk']);
  });
});

describe('the file name of a download', () => {
  it.each([
    ['Passport scan', 'application/pdf', 'Passport-scan.pdf'],
    ['Lettre de l’employeur', 'image/jpeg', 'Lettre-de-lemployeur.jpg'],
    ['"; filename=evil.exe', 'image/png', 'filenameevil.exe.png'],
    ['../../etc/passwd', 'application/pdf', 'etcpasswd.pdf'],
    ['日本語', 'image/png', 'document.png'],
  ] as const)('makes %j a safe name', (title, type, expected) => {
    expect(safeFileName(title, type)).toBe(expected);
  });
});

describe("the upload form's fields", () => {
  const form = { clientId: '6f1c1a52-5a4e-4a53-9d36-0f2f2d6f5d11', kind: 'LETTER', title: 'A letter' };

  it('accepts a complete form', () => {
    expect(checkForm(form)).toEqual({ ...form, consentId: null });
  });

  it.each([
    [{ ...form, clientId: '' }, 'clientId'],
    [{ ...form, kind: 'letter' }, 'kind'],
    [{ ...form, title: '   ' }, 'title'],
    [{ ...form, title: 'x'.repeat(201) }, 'title'],
    [{ ...form, consentId: 'nope', kind: 'SIGNED_CONSENT' }, 'consentId'],
    [{ ...form, consentId: form.clientId }, 'consentId'],
  ])('names the field of %j', (fields, field) => {
    expect(fieldOf(() => checkForm(fields))).toBe(field);
  });
});

describe('the S3 store settings (configuration and key naming only: no S3 server here)', () => {
  it('stores in PostgreSQL when no bucket is set', () => {
    expect(loadDocumentSettings({})).toBeNull();
  });

  it('reads the bucket, endpoint, region, prefix and path style, and names each object by the document id', () => {
    const settings = loadDocumentSettings({
      DOCUMENTS_S3_BUCKET: 'caseflow-documents',
      DOCUMENTS_S3_ENDPOINT: 'http://minio.internal:9000',
      DOCUMENTS_S3_REGION: 'ca-central-1',
      DOCUMENTS_S3_PREFIX: 'agency-1/',
      DOCUMENTS_S3_FORCE_PATH_STYLE: 'true',
    });
    expect(settings).toEqual({
      bucket: 'caseflow-documents',
      endpoint: 'http://minio.internal:9000',
      region: 'ca-central-1',
      prefix: 'agency-1/',
      forcePathStyle: true,
    });
    expect(s3ClientConfig(settings!)).toEqual({ region: 'ca-central-1', endpoint: 'http://minio.internal:9000', forcePathStyle: true });
    expect(objectKey(settings!, '0b7e6a52-1111-4222-8333-944445555666')).toBe('agency-1/0b7e6a52-1111-4222-8333-944445555666');
  });

  it('defaults to AWS S3 (no endpoint) in us-east-1 under documents/', () => {
    const settings = loadDocumentSettings({ DOCUMENTS_S3_BUCKET: 'docs-bucket' });
    expect(s3ClientConfig(settings!)).toEqual({ region: 'us-east-1', forcePathStyle: false });
    expect(objectKey(settings!, 'abc')).toBe('documents/abc');
  });

  it('refuses a bad bucket name, an endpoint without a bucket, and a bad endpoint, naming each variable', () => {
    expect(() => loadDocumentSettings({ DOCUMENTS_S3_BUCKET: 'Bad_Bucket' })).toThrow(/DOCUMENTS_S3_BUCKET/);
    expect(() => loadDocumentSettings({ DOCUMENTS_S3_ENDPOINT: 'http://minio:9000' })).toThrow(/DOCUMENTS_S3_BUCKET is not/);
    expect(() => loadDocumentSettings({ DOCUMENTS_S3_BUCKET: 'docs', DOCUMENTS_S3_ENDPOINT: 'not a url' })).toThrow(
      /DOCUMENTS_S3_ENDPOINT/,
    );
  });
});
