/**
 * Where a document's content lives, behind one interface: the PostgreSQL
 * store (the default: 256 KB bytea chunks in `clients.document_chunk`,
 * written in the upload's transaction, so that a failed upload leaves
 * nothing) or an S3-compatible object store (s3-store.ts). Both take and
 * give the content as a stream: no whole file is held in memory.
 */
import type { EntityManager } from 'typeorm';
import type { SqlRunner } from '../shared/sql';
import type { DocumentStorage } from './document.entity';
import { chunk, insertChunk } from './document.sql';

export interface DocumentStore {
  readonly name: DocumentStorage;
  /**
   * Stores the content under the document's id. `tx` is the upload's
   * transaction: the PostgreSQL store writes in it; an object store writes
   * outside it (an object whose document row never commits is never read).
   */
  put(tx: EntityManager, documentId: string, content: AsyncIterable<Buffer>): Promise<void>;
  /** The content, streamed in order. */
  get(db: SqlRunner, documentId: string): AsyncIterable<Buffer>;
}

export const CHUNK_BYTES = 256 * 1024;

/** Cuts a stream of buffers of any size into buffers of `size` bytes (the last may be shorter). */
export async function* rechunk(content: AsyncIterable<Buffer>, size: number): AsyncIterable<Buffer> {
  let pending: Buffer[] = [];
  let length = 0;
  for await (const piece of content) {
    pending.push(piece);
    length += piece.length;
    while (length >= size) {
      const whole = Buffer.concat(pending, length);
      yield whole.subarray(0, size);
      pending = [whole.subarray(size)];
      length -= size;
    }
  }
  if (length > 0) yield Buffer.concat(pending, length);
}

export class PostgresDocumentStore implements DocumentStore {
  readonly name = 'postgres' as const;

  async put(tx: EntityManager, documentId: string, content: AsyncIterable<Buffer>): Promise<void> {
    let seq = 0;
    for await (const piece of rechunk(content, CHUNK_BYTES)) await insertChunk(tx, documentId, seq++, piece);
  }

  async *get(db: SqlRunner, documentId: string): AsyncIterable<Buffer> {
    // One chunk at a time: a download holds at most 256 KB of it in memory.
    for (let seq = 0; ; seq++) {
      const data = await chunk(db, documentId, seq);
      if (!data) return;
      yield data;
    }
  }
}
