import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { addDays, formatDay, instantInZone, mondayOf, todayInZone, weekWindow } from '../../lib/zone';
import { seriousViolations } from '../../testing/axe';
import { STAFF, fakeGateway, renderApp } from '../../testing/harness';
import { HOUR, appointment, week } from '../../testing/week';

const ZONE = 'America/Halifax'; // Casey's agency in the harness

describe('my week', () => {
  it('shows Monday to Sunday on the agency’s clock with today marked and each appointment', async () => {
    const today = todayInZone(ZONE);
    const startsAt = instantInZone(today, '12:00', ZONE).toISOString();
    const gateway = fakeGateway({
      MyWeek: () => ({
        data: week([
          {
            ...appointment(1, { startsAt, endsAt: new Date(Date.parse(startsAt) + HOUR).toISOString(), kind: 'HOME_VISIT' }),
            client: { id: 'client-1', displayName: 'Dana Fontaine' },
          },
        ]),
      }),
    });
    const { container } = renderApp({ path: '/week', as: 'casey', gateway });
    const day = (await screen.findByRole('heading', { name: new RegExp(`^${formatDay(today)}`) })).closest('li') as HTMLElement;
    expect(day.getAttribute('aria-current')).toBe('date');
    expect(within(day).getByText('Today')).toBeTruthy();
    expect(day.textContent).toContain('12:00–13:00');
    expect(within(day).getByText(/Home visit/)).toBeTruthy();
    expect(within(day).getByText('Scheduled')).toBeTruthy();
    expect(within(day).getByText('Where: Room 2, 120 Main St')).toBeTruthy();
    expect(within(day).getByRole('link', { name: 'Dana Fontaine' }).getAttribute('href')).toBe('/clients/client-1?tab=appointments');
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(7);
    expect(screen.getAllByText('Nothing scheduled')).toHaveLength(6);
    expect(screen.getByText(/times in America\/Halifax/)).toBeTruthy();
    expect(gateway.called('MyWeek')[0].variables).toEqual({ ...weekWindow(mondayOf(today), ZONE), after: null });
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('goes to the next and previous weeks, kept in the address', async () => {
    const monday = mondayOf(todayInZone(ZONE));
    const gateway = fakeGateway({ MyWeek: () => ({ data: week([]) }) });
    renderApp({ path: '/week', as: 'casey', gateway });
    expect(await screen.findByText('No appointments this week.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'This week' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Next week' }));
    await waitFor(() =>
      expect(gateway.called('MyWeek').at(-1)?.variables).toEqual({ ...weekWindow(addDays(monday, 7), ZONE), after: null }),
    );
    expect(window.location.search).toBe(`?week=${addDays(monday, 7)}`);
    expect(screen.queryByText('Today')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Previous week' }));
    fireEvent.click(screen.getByRole('button', { name: 'Previous week' }));
    await waitFor(() => expect(window.location.search).toBe(`?week=${addDays(monday, -7)}`));
    fireEvent.click(screen.getByRole('button', { name: 'This week' }));
    await waitFor(() => expect(window.location.search).toBe(''));
    expect(await screen.findByText('Today')).toBeTruthy();
  });

  it('uses the browser’s zone when the agency has none, or when it cannot be read', async () => {
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const gateway = fakeGateway({
      AgencyTimeZone: () => ({ data: { me: { id: STAFF.sam.id, organization: { id: STAFF.sam.organization.id, timeZone: null } } } }),
      MyWeek: () => ({ data: week([]) }),
    });
    renderApp({ path: '/week', as: 'sam', gateway });
    expect(await screen.findByText(`times in ${browser.replace(/_/g, ' ')}`, { exact: false })).toBeTruthy();
    const monday = mondayOf(todayInZone(browser));
    expect(gateway.called('MyWeek')[0].variables).toEqual({ ...weekWindow(monday, browser), after: null });
  });

  it('still works, on the browser’s clock, on a gateway that cannot tell the time zone', async () => {
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const gateway = fakeGateway({
      AgencyTimeZone: () => ({
        errors: [{ message: 'Cannot query field "timeZone" on type "Organization".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
      }),
      MyWeek: () => ({ data: week([]) }),
    });
    renderApp({ path: '/week', as: 'casey', gateway });
    expect(await screen.findByText(`times in ${browser.replace(/_/g, ' ')}`, { exact: false })).toBeTruthy();
  });
});
