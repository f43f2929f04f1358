/**
 * The S3-compatible object store of documents' content: one object per
 * document, at `<prefix><document id>`, written with the SDK's multipart
 * `Upload` (it streams: one 5 MB part at a time, S3's smallest, so that at
 * most that much of a file is held) and read back as a stream. Objects are never deleted or replaced by Caseflow;
 * an upload refused after its content was sent (the transaction of its row
 * rolled back) leaves an object no row names, which is never served (a
 * bucket lifecycle rule may expire such objects; see docs/clients.md).
 */
import { Readable } from 'node:stream';
import { GetObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { EntityManager } from 'typeorm';
import type { DocumentStore } from './document-store';
import type { S3DocumentSettings } from './document.settings';

/** The SDK client's configuration: region, and the endpoint of an S3-compatible service when set; credentials from the default chain. */
export function s3ClientConfig(settings: S3DocumentSettings): S3ClientConfig {
  return {
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
  };
}

/** The object key of a document's content. */
export function objectKey(settings: Pick<S3DocumentSettings, 'prefix'>, documentId: string): string {
  return `${settings.prefix}${documentId}`;
}

export class S3DocumentStore implements DocumentStore {
  readonly name = 's3' as const;

  constructor(
    private readonly settings: S3DocumentSettings,
    private readonly client: S3Client = new S3Client(s3ClientConfig(settings)),
  ) {}

  async put(_tx: EntityManager, documentId: string, content: AsyncIterable<Buffer>): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.settings.bucket, Key: objectKey(this.settings, documentId), Body: Readable.from(content) },
      queueSize: 1,
      leavePartsOnError: false,
    });
    await upload.done();
  }

  async *get(_db: unknown, documentId: string): AsyncIterable<Buffer> {
    const answer = await this.client.send(
      new GetObjectCommand({ Bucket: this.settings.bucket, Key: objectKey(this.settings, documentId) }),
    );
    if (!answer.Body) return;
    for await (const piece of answer.Body as Readable) yield piece as Buffer;
  }
}
