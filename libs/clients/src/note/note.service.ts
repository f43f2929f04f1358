/**
 * Case notes: append-only (the database refuses updates and deletes), an
 * amendment is a new note pointing at the one it corrects. A sensitive note is
 * shown only to its author and to supervisors; everyone else gets the list
 * without it, and a total that does not count it.
 */
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import type { AuditTrail } from '@caseflow/audit';
import { badInput, forbidden, notFound, requiredText, uuid } from '@caseflow/core';
import { type CursorPart, decodeCursor, encodeCursor, pageSize } from '@caseflow/db';
import { groupLoader, rowLoader } from '@caseflow/federation';
import { hasCaseAccess } from '../access/access.policy';
import { recomputePriorities } from '../caseload/priority.store';
import type { Client } from '../client/client.type';
import { ClientEntity } from '../client/client.entity';
import { NOTE_MAX, notInFuture } from '../shared/validation';
import { CaseNoteEntity } from './note.entity';
import type { AddCaseNoteInput, CaseNote, CaseNoteConnection } from './note.type';

/** A page of notes is keyed by (occurred_at, id). */
const NOTE_CURSOR: readonly CursorPart[] = ['timestamp', 'uuid'];
const COLUMNS = 'n.id, n.client_id, n.author_id, n.occurred_at, n.contact_type, n.body, n.sensitive, n.amends_id, n.created_at';

interface NoteRow {
  id: string;
  client_id: string;
  author_id: string;
  occurred_at: Date;
  contact_type: CaseNote['contactType'];
  body: string;
  sensitive: boolean;
  amends_id: string | null;
  created_at: Date;
}

function toNote(row: NoteRow | CaseNoteEntity): CaseNote {
  const r = row as NoteRow & CaseNoteEntity;
  return {
    id: r.id,
    clientId: r.client_id ?? r.clientId,
    authorId: r.author_id ?? r.authorId,
    occurredAt: r.occurred_at ?? r.occurredAt,
    contactType: r.contact_type ?? r.contactType,
    body: r.body,
    sensitive: r.sensitive,
    amendsId: r.amends_id !== undefined ? r.amends_id : r.amendsId,
    createdAt: r.created_at ?? r.createdAt,
  };
}

interface PageKey {
  clientId: string;
  first: number;
  after: string | null;
}

export class NoteService {
  private readonly pages: DataLoader<PageKey, CaseNoteConnection, string>;
  private readonly byId: DataLoader<string, NoteRow | null>;
  private readonly amendmentsOf: DataLoader<string, NoteRow[]>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly actor: Actor,
    private readonly audit: AuditTrail,
  ) {
    // Sensitive notes are visible to their author and to supervisors only; this predicate is in every read.
    const visible = `(NOT n.sensitive OR n.author_id = $2 OR $3)`;
    const params = [actor.staffId, actor.role === 'SUPERVISOR'];
    this.byId = rowLoader(
      (ids) => dataSource.query(`SELECT ${COLUMNS} FROM clients.case_note n WHERE n.id = ANY($1::uuid[]) AND ${visible}`, [ids, ...params]),
      (row: NoteRow) => row.id,
    );
    this.amendmentsOf = groupLoader(
      (ids) =>
        dataSource.query(
          `SELECT ${COLUMNS} FROM clients.case_note n WHERE n.amends_id = ANY($1::uuid[]) AND ${visible} ORDER BY n.created_at, n.id`,
          [ids, ...params],
        ),
      (row: NoteRow) => row.amends_id as string,
    );
    this.pages = new DataLoader<PageKey, CaseNoteConnection, string>((keys) => this.loadPages(keys, visible, params), {
      cacheKeyFn: (k) => `${k.clientId}|${k.first}|${k.after ?? ''}`,
    });
  }

  /** A page of a client's notes, newest first; pages of many clients with the same arguments load together. */
  async page(client: Client, first: number | null | undefined, after: string | null | undefined): Promise<CaseNoteConnection> {
    if (!client.access.caseRecord && !client.access.kinds.includes('CASE_NOTES')) {
      throw forbidden("The client's case notes are outside the consent to your organization");
    }
    const size = pageSize(first, 20);
    decodeCursor(after, NOTE_CURSOR);
    const connection = await this.pages.load({ clientId: client.id, first: size, after: after || null });
    for (const edge of connection.edges)
      this.audit.note({ action: 'READ', entityType: 'CaseNote', entityId: edge.node.id, clientId: client.id });
    return connection;
  }

  async amendments(note: CaseNote): Promise<CaseNote[]> {
    return (await this.amendmentsOf.load(note.id)).map(toNote);
  }

  async amends(note: CaseNote): Promise<CaseNote | null> {
    if (!note.amendsId) return null;
    const row = await this.byId.load(note.amendsId);
    return row ? toNote(row) : null;
  }

  /** For `__resolveReference`: a note the caller may see (case access or consent, and the sensitivity rule), else null. */
  async reference(id: string, canSeeClient: (clientId: string) => Promise<boolean>): Promise<CaseNote | null> {
    const row = await this.byId.load(id);
    if (!row || !(await canSeeClient(row.client_id))) return null;
    this.audit.note({ action: 'READ', entityType: 'CaseNote', entityId: row.id, clientId: row.client_id });
    return toNote(row);
  }

  async add(input: AddCaseNoteInput): Promise<CaseNote> {
    const actor = this.actor;
    uuid('input.clientId', input.clientId);
    const body = requiredText('input.body', input.body, { max: NOTE_MAX });
    notInFuture('input.occurredAt', input.occurredAt);
    if (input.amendsNoteId != null) uuid('input.amendsNoteId', input.amendsNoteId);
    const created = await this.dataSource.transaction(async (tx) => {
      const client = await tx
        .getRepository(ClientEntity)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.id = :id', { id: input.clientId })
        .getOne();
      if (!client) throw notFound('Client', input.clientId);
      if (!hasCaseAccess(actor, client)) {
        this.audit.note({ action: 'CREATE', entityType: 'CaseNote', clientId: client.id, outcome: 'DENIED' });
        throw forbidden("You may not add notes to this client's case");
      }
      // Notes record contact around the case: one taken before the year before intake is a typing slip.
      const earliest = `${Number(client.intakeDate.slice(0, 4)) - 1}-01-01`;
      if (input.occurredAt.toISOString().slice(0, 10) < earliest)
        throw badInput('input.occurredAt', `must not be before ${earliest} (the year before the client's intake)`);
      if (input.amendsNoteId) {
        const original = await tx.getRepository(CaseNoteEntity).findOneBy({ id: input.amendsNoteId });
        if (!original || original.clientId !== client.id) throw badInput('input.amendsNoteId', 'must be a note of the same client');
        if (original.sensitive && original.authorId !== actor.staffId && actor.role !== 'SUPERVISOR') {
          throw forbidden('Only its author or a supervisor may amend a sensitive note');
        }
      }
      const [row] = (await tx.query(
        `INSERT INTO clients.case_note AS n (client_id, author_id, occurred_at, contact_type, body, sensitive, amends_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
        [client.id, actor.staffId, input.occurredAt, input.contactType, body, input.sensitive ?? false, input.amendsNoteId ?? null],
      )) as NoteRow[];
      await tx.query('UPDATE clients.client SET last_note_at = greatest(coalesce(last_note_at, $2), $2) WHERE id = $1', [
        client.id,
        input.occurredAt,
      ]);
      // The audit event names the note, never its body.
      await this.audit.write(tx, {
        action: 'CREATE',
        entityType: 'CaseNote',
        entityId: row.id,
        clientId: client.id,
        detail: input.amendsNoteId ? 'amendment' : null,
      });
      await recomputePriorities(tx, [client.id]);
      return row;
    });
    return toNote(created);
  }

  private async loadPages(keys: readonly PageKey[], visible: string, params: unknown[]): Promise<CaseNoteConnection[]> {
    const groups = new Map<string, PageKey[]>();
    for (const key of keys) {
      const group = `${key.first}|${key.after ?? ''}`;
      groups.set(group, [...(groups.get(group) ?? []), key]);
    }
    const results = new Map<string, CaseNoteConnection>();
    for (const group of groups.values()) {
      const { first, after } = group[0];
      const ids = [...new Set(group.map((k) => k.clientId))];
      const cursor = decodeCursor(after, NOTE_CURSOR);
      const rows = (await this.dataSource.query(
        `SELECT ${COLUMNS} FROM unnest($1::uuid[]) AS k(client_id)
         CROSS JOIN LATERAL (
           SELECT * FROM clients.case_note n
            WHERE n.client_id = k.client_id AND ${visible}
              ${cursor ? 'AND (n.occurred_at, n.id) < ($5::timestamptz, $6::uuid)' : ''}
            ORDER BY n.occurred_at DESC, n.id DESC LIMIT $4) n`,
        [ids, ...params, first + 1, ...(cursor ? [String(cursor[0]), String(cursor[1])] : [])],
      )) as NoteRow[];
      const counts = (await this.dataSource.query(
        `SELECT n.client_id, count(*)::int AS n FROM clients.case_note n WHERE n.client_id = ANY($1::uuid[]) AND ${visible} GROUP BY n.client_id`,
        [ids, ...params],
      )) as Array<{ client_id: string; n: number }>;
      for (const clientId of ids) {
        const mine = rows.filter((r) => r.client_id === clientId);
        const page = mine.slice(0, first);
        const edges = page.map((r) => ({ cursor: encodeCursor([r.occurred_at.toISOString(), r.id]), node: toNote(r) }));
        results.set(`${clientId}|${first}|${after ?? ''}`, {
          edges,
          pageInfo: { hasNextPage: mine.length > first, endCursor: edges.at(-1)?.cursor ?? null },
          totalCount: counts.find((c) => c.client_id === clientId)?.n ?? 0,
        });
      }
    }
    return keys.map((k) => results.get(`${k.clientId}|${k.first}|${k.after ?? ''}`) as CaseNoteConnection);
  }
}
