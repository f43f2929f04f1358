import { demoId } from '@caseflow/demo';
import { errorCodes } from '@caseflow/testing';
import { startClientsTestbed, type ClientsTestbed } from '../testing/testbed';

let tb: ClientsTestbed;
beforeAll(async () => {
  tb = await startClientsTestbed();
});
afterAll(() => tb?.stop());

const NOTES = `query($id: ID!, $after: String) { client(id: $id) { caseNotes(first: 2, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id body sensitive author { id } amendments { id body } amends { id } } } } } }`;
type Notes = {
  client: {
    caseNotes: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: Array<{ node: { id: string; body: string; sensitive: boolean; amendments: Array<{ id: string }> } }>;
    };
  };
};
const ADD = `mutation($input: AddCaseNoteInput!) { addCaseNote(input: $input) { id body sensitive amends { id } } }`;

const caseysFirst = () => tb.world.clients.find((c) => c.caseManagerId === tb.staff('casey').id && c.status === 'ACTIVE')!;

async function allNotes(key: 'casey' | 'jordan' | 'sam', clientId: string) {
  const ids: string[] = [];
  let after: string | null = null;
  let total = 0;
  for (;;) {
    const res: Awaited<ReturnType<typeof tb.as<Notes>>> = await tb.as<Notes>(key, NOTES, { id: clientId, after });
    expect(res.errors).toBeUndefined();
    ids.push(...res.data!.client.caseNotes.edges.map((e) => e.node.id));
    total = res.data!.client.caseNotes.totalCount;
    if (!res.data!.client.caseNotes.pageInfo.hasNextPage) return { ids, total };
    after = res.data!.client.caseNotes.pageInfo.endCursor;
  }
}

describe('case notes', () => {
  it('shows a sensitive note to its author and supervisors only, and counts only what the caller may see', async () => {
    const client = caseysFirst();
    const sensitive = demoId('note', `${client.id}:sensitive`);
    const forCasey = await allNotes('casey', client.id);
    const forSam = await allNotes('sam', client.id);
    expect(forCasey.ids).toContain(sensitive);
    expect(forSam.ids).toContain(sensitive);
    expect(forCasey.total).toBe(forCasey.ids.length);

    // Jordan becomes the case manager: the case is his now, but casey's sensitive note stays hers and the supervisor's.
    await tb.as('sam', `mutation($id: ID!, $to: ID!) { assignCaseManager(clientId: $id, staffMemberId: $to) { id } }`, {
      id: client.id,
      to: tb.staff('jordan').id,
    });
    const forJordan = await allNotes('jordan', client.id);
    expect(forJordan.ids).not.toContain(sensitive);
    expect(forJordan.total).toBe(forCasey.total - 1);
    const direct = await tb.as<{ _entities: unknown[] }>(
      'jordan',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on CaseNote { id body } } }`,
      { r: [{ __typename: 'CaseNote', id: sensitive }] },
    );
    expect(direct.data!._entities).toEqual([null]);
    await tb.as('sam', `mutation($id: ID!, $to: ID!) { assignCaseManager(clientId: $id, staffMemberId: $to) { id } }`, {
      id: client.id,
      to: tb.staff('casey').id,
    });
  });

  it('links an amendment to the note it corrects, both ways', async () => {
    const client = caseysFirst();
    const original = demoId('note', `${client.id}:original`);
    const res = await tb.as<{ _entities: Array<{ id: string; amendments: Array<{ body: string; amends: { id: string } }> }> }>(
      'casey',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on CaseNote { id amendments { body amends { id } } } } }`,
      { r: [{ __typename: 'CaseNote', id: original }] },
    );
    expect(res.data!._entities).toEqual([
      { id: original, amendments: [{ body: 'Correction: the interview is on Wednesday, not Tuesday.', amends: { id: original } }] },
    ]);
  });

  it('adds a note and an amendment, updating the last contact; never changes or deletes a note', async () => {
    const client = caseysFirst();
    const added = await tb.as<{ addCaseNote: { id: string } }>('casey', ADD, {
      input: { clientId: client.id, occurredAt: new Date().toISOString(), contactType: 'PHONE', body: 'Called about the bus pass.' },
    });
    expect(added.errors).toBeUndefined();
    const amendment = await tb.as<{ addCaseNote: { amends: { id: string } } }>('casey', ADD, {
      input: {
        clientId: client.id,
        occurredAt: new Date().toISOString(),
        contactType: 'PHONE',
        body: 'Correction: a monthly pass.',
        amendsNoteId: added.data!.addCaseNote.id,
      },
    });
    expect(amendment.data!.addCaseNote.amends).toEqual({ id: added.data!.addCaseNote.id });
    const audit = await tb.sql<{ detail: string | null }>(`SELECT detail FROM clients.audit_event WHERE entity_id = $1`, [
      added.data!.addCaseNote.id,
    ]);
    expect(audit).toEqual([{ detail: null }]);
    expect(JSON.stringify(await tb.sql('SELECT * FROM clients.audit_event'))).not.toContain('bus pass');
    await expect(tb.sql(`UPDATE clients.case_note SET body = 'x' WHERE id = $1`, [added.data!.addCaseNote.id])).rejects.toThrow(
      /permission denied for table case_note/,
    );
    await expect(tb.sql('DELETE FROM clients.case_note WHERE id = $1', [added.data!.addCaseNote.id])).rejects.toThrow(
      /permission denied for table case_note/,
    );
  });

  it.each([
    [{ body: '' }, 'input.body'],
    [{ body: 'x'.repeat(20_001) }, 'input.body'],
    [{ occurredAt: '2999-01-01T00:00:00Z' }, 'input.occurredAt'],
    [{ amendsNoteId: 'nope' }, 'input.amendsNoteId'],
  ])('refuses a bad note %# naming the field, writing nothing', async (change, field) => {
    const client = caseysFirst();
    const before = await tb.count('case_note');
    const res = await tb.as('casey', ADD, {
      input: { clientId: client.id, occurredAt: new Date().toISOString(), contactType: 'PHONE', body: 'ok', ...change },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe(field);
    expect(await tb.count('case_note')).toBe(before);
  });

  it("refuses notes on another case manager's client and from partners, analysts and admins", async () => {
    const client = caseysFirst();
    const before = await tb.count('case_note');
    for (const key of ['jordan', 'pat', 'alex', 'admin'] as const) {
      const res = await tb.as(key, ADD, {
        input: { clientId: client.id, occurredAt: new Date().toISOString(), contactType: 'PHONE', body: 'x' },
      });
      expect({ key, codes: errorCodes(res) }).toEqual({ key, codes: ['FORBIDDEN'] });
    }
    expect(await tb.count('case_note')).toBe(before);
  });
});
