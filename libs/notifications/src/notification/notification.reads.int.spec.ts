import { randomUUID } from 'node:crypto';
import { HARBOUR_ID } from '@caseflow/demo';
import { CLIENT_ID, event, graphqlAs, type NotificationsTest, staff, startNotificationsTest } from '../testing/testbed';

let n: NotificationsTest;
beforeAll(async () => {
  n = await startNotificationsTest();
  // Three for Casey and Jordan each (the case manager and the case team), one for Sam only.
  for (let i = 0; i < 3; i += 1)
    await n.apply(
      event('consent.expiring', { clientId: CLIENT_ID, organizationId: HARBOUR_ID, consentId: randomUUID(), expiresOn: '2030-01-01' }),
    );
  await n.apply(
    event('closure.requested', {
      clientId: CLIENT_ID,
      organizationId: HARBOUR_ID,
      requestId: randomUUID(),
      requestedById: staff('casey').id,
      byStaffId: staff('casey').id,
    }),
  );
});
afterAll(() => n.stop());

const LIST = `query ($unreadOnly: Boolean, $first: Int, $after: String) {
  notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
    totalCount unreadCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id kind message createdAt readAt client { id } referral { id } appointment { id } } }
  }
}`;

interface Page {
  notifications: {
    totalCount: number;
    unreadCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      node: {
        id: string;
        kind: string;
        readAt: string | null;
        client: { id: string } | null;
        referral: { id: string } | null;
        appointment: { id: string } | null;
        createdAt: string;
      };
    }>;
  };
}

const list = async (who: 'casey' | 'jordan' | 'sam' | 'pat' | 'robin', variables: Record<string, unknown> = {}) => {
  const r = await graphqlAs<Page>(n.t, who, LIST, variables);
  expect(r.errors).toBeUndefined();
  return r.data!.notifications;
};

const readAtOf = async (ids: string[]) =>
  (await n.t.subgraph.database.dataSource.query('SELECT id, read_at FROM notifications.notification WHERE id = ANY($1::uuid[])', [
    ids,
  ])) as Array<{ id: string; read_at: Date | null }>;

describe('notifications', () => {
  it("lists the caller's own, newest first, page by page, with the counts of the whole list", async () => {
    const first = await list('casey', { first: 2 });
    expect(first.totalCount).toBe(3);
    expect(first.unreadCount).toBe(3);
    expect(first.edges.map((e) => e.node.kind)).toEqual(['CONSENT_EXPIRING', 'CONSENT_EXPIRING']);
    expect(first.edges[0].node.client).toEqual({ id: CLIENT_ID });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list('casey', { first: 2, after: first.pageInfo.endCursor });
    expect(second.edges).toHaveLength(1);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const all = [...first.edges, ...second.edges].map((e) => e.node.createdAt);
    expect([...all].sort().reverse()).toEqual(all);

    expect((await list('sam')).edges.map((e) => e.node.kind)).toEqual(['APPROVAL_REQUESTED']);
    expect(await list('pat')).toMatchObject({ totalCount: 0, unreadCount: 0, edges: [] });
  });

  it('reads a page with the counts of the whole list in one statement, so the badge and the list come from one snapshot', async () => {
    const counter = n.t.subgraph.database.counter;
    const mark = counter.count;
    const first = await list('casey', { first: 3 });
    expect(counter.since(mark).filter((sql) => sql.includes('notifications.notification'))).toHaveLength(1);
    expect({ totalCount: first.totalCount, unreadCount: first.unreadCount, shown: first.edges.length }).toEqual({
      totalCount: 3,
      unreadCount: 3,
      shown: 3,
    });
    // Past the last one, the page is empty and still carries the counts.
    expect(await list('casey', { first: 3, after: first.pageInfo.endCursor })).toMatchObject({
      totalCount: 3,
      unreadCount: 3,
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('refuses a forged cursor and a page over 100, naming the argument', async () => {
    const forged = await graphqlAs(n.t, 'casey', LIST, { after: 'bm90LWEtY3Vyc29y' });
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const large = await graphqlAs(n.t, 'casey', LIST, { first: 101 });
    expect(large.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it("marks read only the caller's own: another person's ids are ignored and stay unread", async () => {
    const jordans = (await list('jordan')).edges.map((e) => e.node.id);
    const caseys = (await list('casey')).edges.map((e) => e.node.id);
    const r = await graphqlAs<{ markNotificationsRead: number }>(
      n.t,
      'casey',
      'mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }',
      {
        ids: [caseys[0], ...jordans],
      },
    );
    expect(r.data?.markNotificationsRead).toBe(1);
    expect((await readAtOf(jordans)).every((row) => row.read_at === null)).toBe(true);
    expect(await list('casey')).toMatchObject({ totalCount: 3, unreadCount: 2 });
    expect(await list('jordan')).toMatchObject({ totalCount: 3, unreadCount: 3 });
    expect((await list('casey', { unreadOnly: true })).edges.map((e) => e.node.id)).not.toContain(caseys[0]);

    const again = await graphqlAs<{ markNotificationsRead: number }>(
      n.t,
      'casey',
      'mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }',
      {
        ids: [caseys[0]],
      },
    );
    expect(again.data?.markNotificationsRead).toBe(0);
  });

  it("marks all of the caller's read, and nobody else's", async () => {
    const r = await graphqlAs<{ markAllNotificationsRead: number }>(n.t, 'casey', 'mutation { markAllNotificationsRead }');
    expect(r.data?.markAllNotificationsRead).toBe(2);
    expect(await list('casey')).toMatchObject({ totalCount: 3, unreadCount: 0 });
    expect(await list('jordan')).toMatchObject({ unreadCount: 3 });
    expect(await list('sam')).toMatchObject({ unreadCount: 1 });
  });

  it('refuses a malformed id, changing nothing', async () => {
    const before = await list('jordan');
    const r = await graphqlAs(n.t, 'jordan', 'mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }', { ids: ['not-an-id'] });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await list('jordan')).toEqual(before);
  });

  it('shows a link only while the reader may see its target, and null otherwise, without an error', async () => {
    const theirs = await graphqlAs<Page>(n.t, 'sam', LIST);
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data!.notifications.edges[0].node.client).toEqual({ id: CLIENT_ID });
    // The same notification row, read by someone the owning subgraphs refuse: the links are null.
    const rows: Array<{ id: string }> = await n.t.subgraph.database.dataSource.query(
      "INSERT INTO notifications.notification (recipient_id, organization_id, kind, message, client_id, referral_id, appointment_id, event_id) VALUES ($1, $2, 'CLIENT_ASSIGNED', 'A client was assigned to you.', $3, $4, $5, $6) RETURNING id",
      [staff('robin').id, staff('robin').organizationId, CLIENT_ID, randomUUID(), randomUUID(), randomUUID()],
    );
    const robin = await graphqlAs<Page>(n.t, 'robin', LIST);
    expect(robin.errors).toBeUndefined();
    expect(robin.data!.notifications.edges).toEqual([
      expect.objectContaining({ node: expect.objectContaining({ id: rows[0].id, client: null, referral: null, appointment: null }) }),
    ]);
  });

  it('records the changes in the audit trail', async () => {
    const rows: Array<{ actor_id: string; detail: string }> = await n.t.subgraph.database.dataSource.query(
      "SELECT actor_id, detail FROM notifications.audit_event WHERE action = 'UPDATE' AND entity_type = 'Notification' ORDER BY id",
    );
    expect(rows).toEqual([
      { actor_id: staff('casey').id, detail: 'marked 1 read' },
      { actor_id: staff('casey').id, detail: 'marked all 2 read' },
    ]);
  });
});
