/**
 * The S3 store against a stand-in S3 endpoint (a plain HTTP server that
 * keeps objects by path, started here): what the SDK sends — the bucket, the
 * key `<prefix><document id>`, the bytes — and what it reads back. No real
 * S3 or MinIO runs in the tests; this checks our use of the SDK, not S3.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { S3Client } from '@aws-sdk/client-s3';
import type { EntityManager } from 'typeorm';
import type { S3DocumentSettings } from './document.settings';
import { S3DocumentStore, s3ClientConfig } from './s3-store';

const objects = new Map<string, Buffer>();
const requests: string[] = [];
let server: Server;
let settings: S3DocumentSettings;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://s3').pathname;
      requests.push(`${request.method} ${path}`);
      if (request.method === 'PUT') {
        objects.set(path, Buffer.concat(chunks));
        response.writeHead(200, { etag: '"1"' }).end();
      } else if (request.method === 'GET' && objects.has(path)) {
        const body = objects.get(path) as Buffer;
        response.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' }).end(body);
      } else {
        response.writeHead(404, { 'content-type': 'application/xml' }).end('<Error><Code>NoSuchKey</Code></Error>');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  settings = {
    bucket: 'caseflow-docs',
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    prefix: 'agency/',
    forcePathStyle: true,
  };
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function store(): S3DocumentStore {
  const client = new S3Client({
    ...s3ClientConfig(settings),
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return new S3DocumentStore(settings, client);
}

async function* pieces(content: Buffer): AsyncIterable<Buffer> {
  for (let at = 0; at < content.length; at += 10_000) yield content.subarray(at, at + 10_000);
}

describe('the S3 document store', () => {
  it('puts the streamed content at <prefix><document id> in the bucket, and gets the same bytes back', async () => {
    const content = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(123_456, 7)]);
    const id = '0b7e6a52-1111-4222-8333-944445555666';
    await store().put({} as EntityManager, id, pieces(content));
    expect(requests).toContain(`PUT /caseflow-docs/agency/${id}`);
    expect(objects.get(`/caseflow-docs/agency/${id}`)?.equals(content)).toBe(true);

    const back: Buffer[] = [];
    for await (const chunk of store().get({ query: async () => [] }, id)) back.push(Buffer.from(chunk));
    expect(Buffer.concat(back).equals(content)).toBe(true);
  });
});
