import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import { anyOf, decodeCursor, encodeCursor } from '@caseflow/db';
import { groupLoader, rowLoader } from '@caseflow/federation';
import {
  type AssessmentItemRow,
  assessmentItemsOf,
  type AssessmentRow,
  assessmentsByClients,
  assessmentsByIds,
} from './assessment/assessment.sql';
import { type ComparedAssessmentRow, firstAndLatestAssessments } from './assessment/distance-travelled.sql';
import { CaseEventEntity, ClientEntity, EligibilityEntity } from './client/client.entity';
import { type ClientRow, clientsByIds, duplicatePairs } from './client/client.sql';
import { type ConsentRow, consentsByClients, consentsByIds } from './consent/consent.sql';
import { toNote } from './note/note.mapper';
import { noteReader } from './note/note.policy';
import { amendmentsOf, NOTE_CURSOR, type NoteReader, noteCounts, notePages, notesById, type NoteRow } from './note/note.sql';
import type { CaseNoteConnection } from './note/note.type';
import { staffByIds, type StaffMemberRow } from './staff/staff.sql';
import { type CaseTeamRow, currentMembers } from './team/team.sql';

/** Per-request loaders: every lookup by id in one request is one SQL statement per batch. */
export interface ClientsLoaders {
  client: DataLoader<string, ClientRow | null>;
  staff: DataLoader<string, StaffMemberRow | null>;
  consentsByClient: DataLoader<string, ConsentRow[]>;
  consent: DataLoader<string, ConsentRow | null>;
  eligibility: DataLoader<string, EligibilityEntity | null>;
  closure: DataLoader<string, CaseEventEntity | null>;
  duplicates: DataLoader<string, ClientEntity[]>;
  assessmentsByClient: DataLoader<string, AssessmentRow[]>;
  assessment: DataLoader<string, AssessmentRow | null>;
  assessmentItems: DataLoader<string, AssessmentItemRow[]>;
  /** Each client's first and latest assessment with their ratings (one row with one assessment): distance travelled. */
  firstAndLatestAssessments: DataLoader<string, ComparedAssessmentRow[]>;
  /** Notes are read for the caller: a sensitive note only by its author and supervisors. */
  note: DataLoader<string, NoteRow | null>;
  noteAmendments: DataLoader<string, NoteRow[]>;
  notePages: DataLoader<NotePageKey, CaseNoteConnection, string>;
  /** Each client's current case team, at the request's first read of it (a fact of the access rule and `Client.caseTeam`). */
  caseTeam: DataLoader<string, CaseTeamRow[]>;
}

export interface NotePageKey {
  clientId: string;
  first: number;
  after: string | null;
}

export function createClientsLoaders(dataSource: DataSource, actor: Actor): ClientsLoaders {
  const reader = noteReader(actor);
  return {
    client: rowLoader(
      (ids) => clientsByIds(dataSource, ids),
      (c) => c.id,
    ),
    staff: rowLoader(
      (ids) => staffByIds(dataSource, ids),
      (s) => s.id,
    ),
    consentsByClient: groupLoader(
      (ids) => consentsByClients(dataSource, ids),
      (c) => c.clientId,
    ),
    consent: rowLoader(
      (ids) => consentsByIds(dataSource, ids),
      (c) => c.id,
    ),
    eligibility: rowLoader(
      (ids) =>
        dataSource
          .getRepository(EligibilityEntity)
          .createQueryBuilder('e')
          .distinctOn(['e.client_id'])
          .where('e.client_id = ANY(:ids)', { ids })
          .orderBy('e.client_id')
          .addOrderBy('e.determined_at', 'DESC')
          .getMany(),
      (e) => e.clientId,
    ),
    closure: rowLoader(
      (ids) =>
        dataSource
          .getRepository(CaseEventEntity)
          .createQueryBuilder('e')
          .distinctOn(['e.client_id'])
          .where(`e.client_id = ANY(:ids) AND e.kind = 'CLOSED'`, { ids })
          .orderBy('e.client_id')
          .addOrderBy('e.at', 'DESC')
          .getMany(),
      (e) => e.clientId,
    ),
    duplicates: new DataLoader<string, ClientEntity[]>(async (ids) => {
      const pairs = await duplicatePairs(dataSource, ids);
      const found = pairs.length
        ? await dataSource.getRepository(ClientEntity).findBy({ id: anyOf([...new Set(pairs.map((p) => p.id))]) })
        : [];
      const byId = new Map(found.map((f) => [f.id, f]));
      return ids.map((id) => pairs.filter((p) => p.for_id === id).map((p) => byId.get(p.id) as ClientEntity));
    }),
    assessmentsByClient: groupLoader(
      (ids) => assessmentsByClients(dataSource, ids),
      (a) => a.clientId,
    ),
    assessment: rowLoader(
      (ids) => assessmentsByIds(dataSource, ids),
      (a) => a.id,
    ),
    assessmentItems: groupLoader(
      (ids) => assessmentItemsOf(dataSource, ids),
      (i) => i.assessmentId,
    ),
    firstAndLatestAssessments: groupLoader(
      (ids) => firstAndLatestAssessments(dataSource, ids),
      (a) => a.clientId,
    ),
    note: rowLoader(
      (ids) => notesById(dataSource, ids, reader),
      (row: NoteRow) => row.id,
    ),
    noteAmendments: groupLoader(
      (ids) => amendmentsOf(dataSource, ids, reader),
      (row: NoteRow) => row.amends_id as string,
    ),
    notePages: new DataLoader<NotePageKey, CaseNoteConnection, string>((keys) => loadNotePages(dataSource, reader, keys), {
      cacheKeyFn: pageKeyOf,
    }),
    caseTeam: groupLoader(
      (ids) => currentMembers(dataSource, ids, new Date()),
      (m) => m.client_id,
    ),
  };
}

const pageKeyOf = (k: NotePageKey) => `${k.clientId}|${k.first}|${k.after ?? ''}`;

/** Pages of many clients' notes: one statement for the rows and one for the counts per distinct (first, after). */
async function loadNotePages(dataSource: DataSource, reader: NoteReader, keys: readonly NotePageKey[]): Promise<CaseNoteConnection[]> {
  const groups = new Map<string, NotePageKey[]>();
  for (const key of keys) {
    const group = `${key.first}|${key.after ?? ''}`;
    groups.set(group, [...(groups.get(group) ?? []), key]);
  }
  const results = new Map<string, CaseNoteConnection>();
  for (const group of groups.values()) {
    const { first, after } = group[0];
    const clientIds = [...new Set(group.map((k) => k.clientId))];
    const cursor = decodeCursor(after, NOTE_CURSOR);
    const rows = await notePages(
      dataSource,
      { clientIds, limit: first + 1, after: cursor ? [String(cursor[0]), String(cursor[1])] : null },
      reader,
    );
    const counts = await noteCounts(dataSource, clientIds, reader);
    for (const clientId of clientIds) {
      const mine = rows.filter((r) => r.client_id === clientId);
      const page = mine.slice(0, first);
      const edges = page.map((r) => ({ cursor: encodeCursor([r.occurred_at.toISOString(), r.id]), node: toNote(r) }));
      results.set(pageKeyOf({ clientId, first, after }), {
        edges,
        pageInfo: { hasNextPage: mine.length > first, endCursor: edges.at(-1)?.cursor ?? null },
        totalCount: counts.find((c) => c.client_id === clientId)?.n ?? 0,
      });
    }
  }
  return keys.map((k) => results.get(pageKeyOf(k)) as CaseNoteConnection);
}
