import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeGateway, renderApp } from '../../testing/harness';

const shown = (count: number) => ({ count, suppressed: false });
const hidden = { count: null, suppressed: true };

function gateway() {
  return fakeGateway({
    ReferralCompletion: (v) => ({
      data: {
        referralOutcomes: [
          {
            month: (v.period as { from: string }).from.slice(0, 7),
            sent: shown(12),
            accepted: shown(11),
            completed: shown(11),
            completionRate: 0.9167,
            medianDaysToResponse: 3.3,
          },
          {
            month: (v.period as { to: string }).to.slice(0, 7),
            sent: hidden,
            accepted: hidden,
            completed: hidden,
            completionRate: null,
            medianDaysToResponse: null,
          },
        ],
      },
    }),
    GoalAttainmentByTerm: () => ({
      data: {
        goalAttainment: [
          { term: 'SHORT', goalsSet: shown(58), goalsAchieved: shown(28) },
          { term: 'MID', goalsSet: shown(57), goalsAchieved: shown(11) },
          { term: 'LONG', goalsSet: shown(15), goalsAchieved: hidden },
        ],
      },
    }),
    DistanceTravelledByDomain: () => ({
      data: {
        distanceTravelled: [
          { domain: 'EMPLOYABILITY', clients: shown(40), barrierToAsset: shown(12), assetToBarrier: hidden },
          { domain: 'PERSONAL_HEALTH', clients: shown(22), barrierToAsset: hidden, assetToBarrier: hidden },
        ],
      },
    }),
    ClosuresByOutcome: () => ({
      errors: [{ message: 'A part of this answer is unavailable (clients); retry later', extensions: { code: 'UNAVAILABLE' } }],
    }),
  });
}

describe('the outcome figures', () => {
  it('shows suppressed cells as such in charts and tables, and one figure’s failure leaves the others', async () => {
    renderApp({ path: '/outcomes', as: 'alex', gateway: gateway() });
    const goals = (await screen.findByRole('table', { name: 'Goals by term' })) as HTMLElement;
    const long = within(goals).getByRole('rowheader', { name: 'Long term' }).closest('tr') as HTMLElement;
    expect(within(long).getAllByText('suppressed')).toHaveLength(2);
    expect(within(goals).getByText('48.3%')).toBeTruthy();
    expect(screen.getByRole('img', { name: /Completion rate of referrals/ }).textContent).toContain('suppressed');
    expect(screen.getByRole('img', { name: /Goals set and achieved/ }).textContent).toContain('suppr.');
    const closures = await screen.findByText(/the closure figures could not be loaded/i);
    expect(closures.closest('[role="alert"]')?.textContent).toContain('unavailable');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('downloads what is shown as CSV, suppressed cells included', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = ((blob: Blob) => {
      blobs.push(blob);
      return 'blob:csv';
    }) as typeof URL.createObjectURL;
    URL.revokeObjectURL = () => undefined;
    const clicks: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    renderApp({ path: '/outcomes', as: 'alex', gateway: gateway() });
    fireEvent.click(await screen.findByRole('button', { name: 'Download CSV of goal attainment' }));
    expect(clicks[0]).toMatch(/^goal-attainment_\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blobs[0]);
    });
    expect(text).toBe(
      'term,goals_set,goals_achieved,attainment_rate\r\nSHORT,58,28,0.4828\r\nMID,57,11,0.193\r\nLONG,15,suppressed,suppressed\r\n',
    );
    click.mockRestore();
  });

  it('shows distance travelled by domain with suppressed cells as such, in the chart, the table and the CSV', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = ((blob: Blob) => {
      blobs.push(blob);
      return 'blob:csv';
    }) as typeof URL.createObjectURL;
    URL.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderApp({ path: '/outcomes', as: 'alex', gateway: gateway() });
    const table = (await screen.findByRole('table', { name: 'Distance travelled by domain' })) as HTMLElement;
    const health = within(table).getByRole('rowheader', { name: 'Personal health' }).closest('tr') as HTMLElement;
    expect(within(health).getAllByText('suppressed')).toHaveLength(3);
    expect(within(health).queryByText('0')).toBeNull();
    const employability = within(table).getByRole('rowheader', { name: 'Employability' }).closest('tr') as HTMLElement;
    expect(within(employability).getByText('30.0%')).toBeTruthy();
    expect(screen.getByRole('img', { name: /Barriers resolved and added, by domain/ }).textContent).toContain('suppr.');
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV of distance travelled' }));
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blobs[0]);
    });
    expect(text).toBe(
      'domain,clients,barrier_to_asset,asset_to_barrier,barrier_to_asset_rate\r\nPERSONAL_HEALTH,22,suppressed,suppressed,suppressed\r\nEMPLOYABILITY,40,12,suppressed,0.3\r\n',
    );
    click.mockRestore();
  });

  it('asks for the twelve whole months up to this one at first', async () => {
    const g = gateway();
    renderApp({ path: '/outcomes', as: 'alex', gateway: g });
    await screen.findByRole('table', { name: 'Goals by term' });
    const now = new Date();
    const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const expected = {
      from: iso(new Date(now.getFullYear(), now.getMonth() - 11, 1)),
      to: iso(new Date(now.getFullYear(), now.getMonth() + 1, 0)),
    };
    for (const name of ['ReferralCompletion', 'GoalAttainmentByTerm', 'ClosuresByOutcome', 'DistanceTravelledByDomain'])
      expect(g.called(name)[0]?.variables).toEqual({ period: expected });
  });

  it('takes a first and a last month, checks them, and asks for whole months only', async () => {
    const g = gateway();
    renderApp({ path: '/outcomes', as: 'alex', gateway: g });
    await screen.findByRole('table', { name: 'Goals by term' });
    const before = g.calls.length;
    // Months of last year: a finished period on any day the suite runs.
    const year = new Date().getFullYear() - 1;
    fireEvent.change(screen.getByLabelText('From month'), { target: { value: `${year}-06` } });
    fireEvent.change(screen.getByLabelText('To month'), { target: { value: `${year}-01` } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(await screen.findByText('The last month must not be before the first.')).toBeTruthy();
    expect(g.calls.length).toBe(before);
    fireEvent.change(screen.getByLabelText('To month'), { target: { value: `${year}-08` } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() =>
      expect(g.called('GoalAttainmentByTerm').at(-1)?.variables).toEqual({ period: { from: `${year}-06-01`, to: `${year}-08-31` } }),
    );
    expect(g.called('ClosuresByOutcome').at(-1)?.variables).toEqual({ period: { from: `${year}-06-01`, to: `${year}-08-31` } });
  });
});
