import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { NotificationKindValues } from '../../graphql/generated';
import { seriousViolations } from '../../testing/axe';
import { fakeGateway, renderApp } from '../../testing/harness';
import { settings } from '../../testing/week';

function row(name: string): HTMLElement {
  return screen.getByRole('rowheader', { name: new RegExp(`^${name}`) }).closest('tr') as HTMLElement;
}

describe('notification settings', () => {
  it('shows each kind with its channels and digest, and saves them all', async () => {
    // As the gateway answers (urql asks for __typename): none of it may go back in the input.
    const read = settings();
    const typed = (read.me.notificationPreferences ?? []).map((p) => ({ ...p, __typename: 'NotificationPreference' }));
    const gateway = fakeGateway({
      MySettings: () => ({ data: { me: { ...read.me, __typename: 'StaffMember', notificationPreferences: typed } } }),
      SetNotificationPreferences: (v) => ({ data: { setNotificationPreferences: v.preferences } }),
    });
    const { container } = renderApp({ path: '/settings', as: 'casey', gateway });
    await screen.findByRole('heading', { name: 'How you are told' });
    expect(screen.getAllByRole('row')).toHaveLength(NotificationKindValues.length + 1);
    const answered = within(row('Referral answered'));
    expect((answered.getByLabelText('Referral answered: by e-mail') as HTMLInputElement).checked).toBe(true);
    const overdue = within(row('Step overdue'));
    const digest = overdue.getByLabelText('Step overdue: e-mails as a daily digest') as HTMLInputElement;
    expect(digest.disabled).toBe(true);
    fireEvent.click(overdue.getByLabelText('Step overdue: by e-mail'));
    expect(digest.disabled).toBe(false);
    fireEvent.click(digest);
    fireEvent.click(within(row('Referral answered')).getByLabelText('Referral answered: in the app'));
    fireEvent.click(screen.getByRole('button', { name: 'Save the notification settings' }));
    expect(await screen.findByText('Your notification settings were saved.')).toBeTruthy();
    const sent = gateway.called('SetNotificationPreferences')[0].variables.preferences as Array<{ kind: string }>;
    expect(sent.map((p) => p.kind)).toEqual([...NotificationKindValues]);
    expect(sent.every((p) => Object.keys(p).sort().join() === 'channels,dailyDigest,kind')).toBe(true);
    expect(sent.find((p) => p.kind === 'STEP_OVERDUE')).toEqual({ kind: 'STEP_OVERDUE', channels: ['IN_APP', 'EMAIL'], dailyDigest: true });
    expect(sent.find((p) => p.kind === 'REFERRAL_ANSWERED')).toEqual({
      kind: 'REFERRAL_ANSWERED',
      channels: ['EMAIL'],
      dailyDigest: false,
    });
    // Kinds the API did not list keep the product's defaults: in the app, and by e-mail for referrals received and approvals.
    expect(sent.find((p) => p.kind === 'CLIENT_ASSIGNED')).toEqual({ kind: 'CLIENT_ASSIGNED', channels: ['IN_APP'], dailyDigest: false });
    expect(sent.find((p) => p.kind === 'REFERRAL_RECEIVED')).toEqual({
      kind: 'REFERRAL_RECEIVED',
      channels: ['IN_APP', 'EMAIL'],
      dailyDigest: false,
    });
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('puts the server’s error beside the kind it is about', async () => {
    const gateway = fakeGateway({
      MySettings: () => ({ data: settings() }),
      SetNotificationPreferences: () => ({
        errors: [
          {
            message: 'preferences[8].channels must not ask for e-mail of this kind',
            extensions: { code: 'BAD_USER_INPUT', field: 'preferences[8].channels' },
          },
        ],
      }),
    });
    renderApp({ path: '/settings', as: 'casey', gateway });
    fireEvent.click(await screen.findByRole('button', { name: 'Save the notification settings' }));
    const kind = NotificationKindValues[8];
    expect(await screen.findByText('Must not ask for e-mail of this kind.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('One field needs attention.');
    const box = screen.getByLabelText(new RegExp(`: in the app$`), { selector: `[aria-describedby="pref-${kind}-error"]` });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText('Your notification settings were saved.')).toBeNull();
  });

  it('offers the calendar address to copy, and replaces it only after a confirmation', async () => {
    const writeText = jest.fn(async () => undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    const gateway = fakeGateway({
      MySettings: () => ({ data: settings() }),
      RotateCalendarFeed: () => ({ data: { rotateCalendarFeed: '/calendar/second-secret.ics' } }),
    });
    renderApp({ path: '/settings', as: 'casey', gateway });
    const address = (await screen.findByLabelText('Calendar address')) as HTMLInputElement;
    expect(address.value).toBe('http://localhost/calendar/first-secret.ics');
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe: copy the address' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('http://localhost/calendar/first-secret.ics'));
    expect(await screen.findByText(/The address was copied/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Make a new address' }));
    expect(gateway.called('RotateCalendarFeed')).toHaveLength(0);
    expect(screen.getByText(/stops working at once/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Keep the current address' }));
    expect(gateway.called('RotateCalendarFeed')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Make a new address' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm: make a new address' }));
    expect(await screen.findByText('A new calendar address was made; the old one no longer works.')).toBeTruthy();
    await waitFor(() =>
      expect((screen.getByLabelText('Calendar address') as HTMLInputElement).value).toBe('http://localhost/calendar/second-secret.ics'),
    );
    expect(gateway.called('RotateCalendarFeed')).toHaveLength(1);
  });
});
