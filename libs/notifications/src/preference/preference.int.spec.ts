import { NOTIFICATION_KINDS } from '../notification/notification.kinds';
import { graphqlAs, type NotificationsTest, staff, startNotificationsTest } from '../testing/testbed';

let n: NotificationsTest;
beforeAll(async () => {
  n = await startNotificationsTest();
});
afterAll(() => n.stop());

interface Pref {
  kind: string;
  channels: string[];
  dailyDigest: boolean;
}

const READ = `query ($id: ID!) { _entities(representations: [{ __typename: "StaffMember", id: $id }]) { ... on StaffMember { id notificationPreferences { kind channels dailyDigest } } } }`;
const SET = `mutation ($p: [NotificationPreferenceInput!]!) { setNotificationPreferences(preferences: $p) { kind channels dailyDigest } }`;

const preferencesOf = async (reader: 'casey' | 'sam', owner: 'casey' | 'sam') => {
  const r = await graphqlAs<{ _entities: Array<{ notificationPreferences: Pref[] | null }> }>(n.t, reader, READ, { id: staff(owner).id });
  expect(r.errors).toBeUndefined();
  return r.data!._entities[0].notificationPreferences;
};
const stored = async () =>
  (await n.t.subgraph.database.dataSource.query('SELECT count(*)::int AS n FROM notifications.notification_preference'))[0].n as number;

describe('notification preferences', () => {
  it('are the defaults of PRODUCT.md until set: in-app for every kind, e-mail too for three', async () => {
    const prefs = await preferencesOf('casey', 'casey');
    expect(prefs?.map((p) => p.kind)).toEqual([...NOTIFICATION_KINDS]);
    const withEmail = prefs!.filter((p) => p.channels.includes('EMAIL')).map((p) => p.kind);
    expect(withEmail).toEqual(['REFERRAL_RECEIVED', 'REFERRAL_ANSWERED', 'APPROVAL_REQUESTED']);
    expect(prefs!.every((p) => p.channels.includes('IN_APP') && !p.dailyDigest)).toBe(true);
  });

  it('are shown only to the staff member themself: null for anyone else', async () => {
    expect(await preferencesOf('sam', 'casey')).toBeNull();
  });

  it('are set for the kinds listed, and the others keep theirs', async () => {
    const r = await graphqlAs<{ setNotificationPreferences: Pref[] }>(n.t, 'casey', SET, {
      p: [
        { kind: 'STEP_OVERDUE', channels: ['IN_APP', 'EMAIL'], dailyDigest: true },
        { kind: 'REFERRAL_ANSWERED', channels: [] },
      ],
    });
    expect(r.errors).toBeUndefined();
    const byKind = Object.fromEntries(r.data!.setNotificationPreferences.map((p) => [p.kind, p]));
    expect(byKind.STEP_OVERDUE).toEqual({ kind: 'STEP_OVERDUE', channels: ['IN_APP', 'EMAIL'], dailyDigest: true });
    expect(byKind.REFERRAL_ANSWERED).toEqual({ kind: 'REFERRAL_ANSWERED', channels: [], dailyDigest: false });
    expect(byKind.REFERRAL_RECEIVED).toEqual({ kind: 'REFERRAL_RECEIVED', channels: ['IN_APP', 'EMAIL'], dailyDigest: false });
    expect(await preferencesOf('casey', 'casey')).toEqual(r.data!.setNotificationPreferences);
    // Sam's are untouched.
    expect((await preferencesOf('sam', 'sam'))!.find((p) => p.kind === 'STEP_OVERDUE')).toEqual({
      kind: 'STEP_OVERDUE',
      channels: ['IN_APP'],
      dailyDigest: false,
    });
  });

  it.each([
    ['an unknown kind', [{ kind: 'NOPE', channels: ['IN_APP'] }], 'BAD_USER_INPUT', undefined],
    ['an empty list', [], 'BAD_USER_INPUT', 'preferences'],
    [
      'a kind twice',
      [
        { kind: 'STEP_OVERDUE', channels: [] },
        { kind: 'STEP_OVERDUE', channels: ['IN_APP'] },
      ],
      'BAD_USER_INPUT',
      'preferences[1].kind',
    ],
    ['a channel twice', [{ kind: 'STEP_OVERDUE', channels: ['EMAIL', 'EMAIL'] }], 'BAD_USER_INPUT', 'preferences[0].channels[1]'],
    [
      'a digest without e-mail',
      [{ kind: 'FOLLOW_UP_DUE', channels: ['IN_APP'], dailyDigest: true }],
      'BAD_USER_INPUT',
      'preferences[0].dailyDigest',
    ],
  ])('refuse %s with a field-named error, changing nothing', async (_name, p, code, field) => {
    const before = { rows: await stored(), prefs: await preferencesOf('casey', 'casey') };
    const r = await graphqlAs(n.t, 'casey', SET, { p });
    expect(String(r.errors?.[0].extensions?.code)).toMatch(new RegExp(`^(${code})$`));
    if (field) expect(r.errors?.[0].extensions?.field).toBe(field);
    expect({ rows: await stored(), prefs: await preferencesOf('casey', 'casey') }).toEqual(before);
  });

  it('decide the channels of what the consumer creates', async () => {
    // Casey turned REFERRAL_ANSWERED off above: a referral answer reaches only Jordan (the referrer).
    const { event, recipientsOfEvent, referralFacts } = await import('../testing/testbed');
    const e = event('referral.answered', { ...referralFacts(), answer: 'ACCEPTED' });
    await n.apply(e);
    expect(await recipientsOfEvent(n.t, e.id)).toEqual({ jordan: 1 });
  });
  it('keep an e-mail-only kind out of the app, and mail it', async () => {
    const { randomUUID } = await import('node:crypto');
    const { HARBOUR_ID } = await import('@caseflow/demo');
    const { CLIENT_ID, event } = await import('../testing/testbed');
    const set = await graphqlAs(n.t, 'jordan', SET, { p: [{ kind: 'CONSENT_EXPIRING', channels: ['EMAIL'] }] });
    expect(set.errors).toBeUndefined();
    const e = event('consent.expiring', {
      clientId: CLIENT_ID,
      organizationId: HARBOUR_ID,
      consentId: randomUUID(),
      expiresOn: '2030-01-01',
    });
    await n.apply(e);
    const listed = await graphqlAs<{ notifications: { edges: Array<{ node: { kind: string } }> } }>(
      n.t,
      'jordan',
      '{ notifications { edges { node { kind } } } }',
    );
    expect(listed.data!.notifications.edges.map((x) => x.node.kind)).not.toContain('CONSENT_EXPIRING');
    const mails: Array<{ to_address: string }> = await n.t.subgraph.database.dataSource.query(
      "SELECT to_address FROM notifications.mail_delivery WHERE kind = 'CONSENT_EXPIRING'",
    );
    expect(mails.map((m) => m.to_address)).toEqual([staff('jordan').email]);
  });
});
