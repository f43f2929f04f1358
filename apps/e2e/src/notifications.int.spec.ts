/**
 * Notifications through the gateway: the caller's own list with the links
 * resolved by the subgraphs that own them — null, without an error, where
 * the reader may no longer see the target — and preferences shown only to
 * their owner.
 */
import { randomUUID } from 'node:crypto';
import { startTestStack, type TestStack } from './harness';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const LIST = `query Notifications($unreadOnly: Boolean) {
  notifications(unreadOnly: $unreadOnly, first: 50) {
    totalCount unreadCount
    edges { node { id kind message readAt client { id displayName } referral { id status } appointment { id } } }
  }
}`;

interface Listed {
  notifications: {
    totalCount: number;
    unreadCount: number;
    edges: Array<{
      node: { id: string; kind: string; client: { id: string; displayName: string } | null; referral: { id: string } | null };
    }>;
  };
}

describe('notifications through the gateway', () => {
  it("give Casey her unread demo notifications, each client link resolved with the client's name for her", async () => {
    const r = await stack.as<Listed>('casey', LIST, { unreadOnly: true });
    expect(r.errors).toBeUndefined();
    const { edges, unreadCount, totalCount } = r.data!.notifications;
    expect(unreadCount).toBeGreaterThan(0);
    expect(totalCount).toBe(unreadCount);
    for (const { node } of edges) {
      expect(node.client?.displayName).toEqual(expect.any(String));
      expect(stack.world.clients.find((c) => c.id === node.client!.id)?.caseManagerId).toBe(stack.staff('casey').id);
    }
    const pat = await stack.as<Listed>('pat', LIST);
    expect(pat.data!.notifications.edges.map((e) => e.node.kind)).toContain('REFERRAL_RECEIVED');
    expect(pat.data!.notifications.edges.some((e) => e.node.id === edges[0].node.id)).toBe(false);
  });

  it('resolve a link the reader may not (or no longer) see to null, without an error', async () => {
    const theirs = stack.world.clients.find((c) => c.caseManagerId === stack.staff('jordan').id && c.status === 'ACTIVE')!;
    const theirReferral =
      stack.world.referrals.find((r) => r.clientId === theirs.id) ??
      stack.world.referrals.find((r) => r.referredById === stack.staff('jordan').id)!;
    const id = randomUUID();
    await stack.sql(
      `INSERT INTO notifications.notification (id, recipient_id, organization_id, kind, message, client_id, referral_id, event_id)
       VALUES ($1, $2, $3, 'CLIENT_ASSIGNED', 'A client was assigned to you.', $4, $5, $6)`,
      [id, stack.staff('casey').id, stack.staff('casey').organizationId, theirs.id, theirReferral.id, randomUUID()],
    );
    const r = await stack.as<Listed>('casey', LIST);
    expect(r.errors).toBeUndefined();
    const node = r.data!.notifications.edges.find((e) => e.node.id === id)!.node;
    expect(node).toMatchObject({ kind: 'CLIENT_ASSIGNED', client: null, referral: null });
  });

  it("mark read only through their owner: Pat cannot mark Casey's", async () => {
    const caseys = (await stack.as<Listed>('casey', LIST, { unreadOnly: true })).data!.notifications;
    const r = await stack.as<{ markNotificationsRead: number }>('pat', 'mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }', {
      ids: caseys.edges.map((e) => e.node.id),
    });
    expect(r.data?.markNotificationsRead).toBe(0);
    expect((await stack.as<Listed>('casey', LIST, { unreadOnly: true })).data!.notifications.unreadCount).toBe(caseys.unreadCount);
  });

  it('show preferences to the staff member themself, and null to anyone else', async () => {
    const mine = await stack.as<{ me: { notificationPreferences: Array<{ kind: string }> | null } }>(
      'casey',
      '{ me { notificationPreferences { kind channels } } }',
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.me.notificationPreferences).toHaveLength(13);
    const theirs = await stack.as<{ staffMember: { notificationPreferences: unknown } | null }>(
      'sam',
      'query ($id: ID!) { staffMember(id: $id) { notificationPreferences { kind } } }',
      { id: stack.staff('casey').id },
    );
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data!.staffMember).toEqual({ notificationPreferences: null });
  });
});
