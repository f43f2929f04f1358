import { fireEvent, screen, within } from '@testing-library/react';
import { caseload } from '../../testing/fixtures';
import { seriousViolations } from '../../testing/axe';
import { fakeGateway, renderApp } from '../../testing/harness';
import { notification, notifications } from '../../testing/week';

describe('the unread count', () => {
  it('is on every page, links to the notifications and is announced politely', async () => {
    const gateway = fakeGateway({
      Caseload: () => ({ data: caseload([]) }),
      UnreadCount: () => ({ data: { notifications: { unreadCount: 3 } } }),
    });
    renderApp({ path: '/caseload', as: 'casey', gateway });
    const link = await screen.findByRole('link', { name: 'Notifications 3 unread' });
    expect(link.getAttribute('href')).toBe('/notifications');
    expect(within(link).getByText('3 unread').getAttribute('aria-live')).toBe('polite');
    expect(gateway.called('UnreadCount')[0].variables).toEqual({});
  });

  it('says none unread when there are none', async () => {
    renderApp({ path: '/directory', as: 'pat', gateway: fakeGateway({ SearchServices: () => ({ data: null }) }) });
    expect(await screen.findByRole('link', { name: 'Notifications none unread' })).toBeTruthy();
  });
});

describe('the notifications page', () => {
  const list = [
    notification(1, { message: 'Northside Food Bank accepted the referral', client: { id: 'client-1', displayName: 'Dana Fontaine' } }),
    notification(2, {
      kind: 'APPOINTMENT_SOON',
      message: 'Appointment tomorrow',
      appointment: { id: 'appointment-1', client: { id: 'client-1', displayName: 'Dana Fontaine' } },
      client: { id: 'client-1', displayName: 'Dana Fontaine' },
    }),
    notification(3, { kind: 'STEP_OVERDUE', message: 'A step of a client you no longer follow is overdue' }),
    notification(4, {
      message: 'An earlier answer',
      readAt: new Date().toISOString(),
      referral: { id: 'ref-4', client: { id: 'client-4', displayName: 'Sam Rivers' } },
    }),
  ];

  it('lists newest first with unread marked, links where the reader may go and none where access ended', async () => {
    const gateway = fakeGateway({ Notifications: () => ({ data: notifications(list) }) });
    const { container } = renderApp({ path: '/notifications', as: 'casey', gateway });
    await screen.findByText('4 notifications, 3 unread.');
    const items = within(screen.getByRole('list', { name: 'Notifications, newest first' })).getAllByRole('listitem');
    expect(items[0].textContent).toBe('4 notifications, 3 unread.');
    expect(within(items[1]).getByText('Unread')).toBeTruthy();
    // In the app (never in e-mail) a notification names the client the reader may still see.
    expect(
      within(items[1])
        .getByRole('link', { name: `${list[0].message} · Dana Fontaine` })
        .getAttribute('href'),
    ).toBe('/clients/client-1');
    expect(
      within(items[2])
        .getByRole('link', { name: `${list[1].message} · Dana Fontaine` })
        .getAttribute('href'),
    ).toBe('/clients/client-1?tab=appointments');
    expect(within(items[3]).queryByRole('link')).toBeNull();
    expect(items[3].textContent).toContain('You can no longer open what it refers to.');
    expect(within(items[4]).queryByText('Unread')).toBeNull();
    expect(within(items[4]).queryByRole('button', { name: /Mark read/ })).toBeNull();
    expect(within(items[4]).getByRole('link', { name: 'An earlier answer · Sam Rivers' }).getAttribute('href')).toBe(
      '/clients/client-4?tab=referrals',
    );
    expect(gateway.called('Notifications')[0].variables).toEqual({ first: 20, after: null });
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('marks one read, then asks for the list and the count again', async () => {
    let read = new Set<string>();
    const gateway = fakeGateway({
      Notifications: () => ({ data: notifications(list.map((n) => (read.has(n.id) ? { ...n, readAt: new Date().toISOString() } : n))) }),
      UnreadCount: () => ({ data: { notifications: { unreadCount: list.filter((n) => !n.readAt && !read.has(n.id)).length } } }),
      MarkNotificationsRead: (v) => {
        read = new Set([...read, ...(v.ids as string[])]);
        return { data: { markNotificationsRead: (v.ids as string[]).length } };
      },
    });
    renderApp({ path: '/notifications', as: 'casey', gateway });
    expect(await screen.findByRole('link', { name: 'Notifications 3 unread' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: /^Mark read\W+A step of a client/ }));
    expect(await screen.findByRole('link', { name: 'Notifications 2 unread' })).toBeTruthy();
    expect(await screen.findByText('4 notifications, 2 unread.')).toBeTruthy();
    expect(gateway.called('MarkNotificationsRead').map((c) => c.variables)).toEqual([{ ids: [list[2].id] }]);
    expect(screen.queryByRole('button', { name: /^Mark read\W+A step of a client/ })).toBeNull();
  });

  it('marks all read and says how many', async () => {
    let allRead = false;
    const gateway = fakeGateway({
      Notifications: () => ({
        data: notifications(allRead ? list.map((n) => ({ ...n, readAt: n.readAt ?? new Date().toISOString() })) : list),
      }),
      UnreadCount: () => ({ data: { notifications: { unreadCount: allRead ? 0 : 3 } } }),
      MarkAllNotificationsRead: () => {
        allRead = true;
        return { data: { markAllNotificationsRead: 3 } };
      },
    });
    renderApp({ path: '/notifications', as: 'casey', gateway });
    await screen.findByText('4 notifications, 3 unread.');
    fireEvent.click(screen.getByRole('button', { name: 'Mark all read' }));
    expect(await screen.findByText('3 notifications marked read.')).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Notifications none unread' })).toBeTruthy();
    expect(await screen.findByText('4 notifications, 0 unread.')).toBeTruthy();
    expect(screen.queryAllByText('Unread')).toHaveLength(0);
  });

  it('loads more below by cursor', async () => {
    const gateway = fakeGateway({
      Notifications: (v) =>
        v.after === 'cursor-1'
          ? { data: notifications([notification(30, { message: 'An older one' })], { totalCount: 2 }) }
          : {
              data: notifications([notification(1, { message: 'The newest' })], {
                hasNextPage: true,
                endCursor: 'cursor-1',
                totalCount: 2,
              }),
            },
    });
    renderApp({ path: '/notifications', as: 'casey', gateway });
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('An older one')).toBeTruthy();
    expect(screen.getByText('The newest')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(gateway.called('Notifications').map((c) => c.variables.after)).toEqual([null, 'cursor-1']);
  });

  it('shows a partner the referral in their inbox', async () => {
    const gateway = fakeGateway({
      Notifications: () => ({
        data: notifications([
          notification(1, { kind: 'REFERRAL_RECEIVED', message: 'A new referral', referral: { id: 'ref-9', client: null } }),
        ]),
      }),
    });
    renderApp({ path: '/notifications', as: 'pat', gateway });
    expect((await screen.findByRole('link', { name: 'A new referral' })).getAttribute('href')).toBe('/inbox/ref-9');
  });
});
