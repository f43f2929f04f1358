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
    // A suppressed figure is no bar, labelled "fewer than 11" on the chart and in its name.
    const completion = screen.getByRole('img', { name: /Completion rate of referrals.*Suppressed, fewer than 11: \w{3} \d{4}\.$/ });
    expect(completion.querySelectorAll('[data-mark="suppressed"]')).toHaveLength(1);
    expect(completion.querySelectorAll('[data-mark="suppressed"] rect')).toHaveLength(0);
    expect(completion.querySelector('[data-mark="suppressed"] .bar-note')?.textContent).toBe('fewer than 11');
    expect(completion.querySelectorAll('rect.bar')).toHaveLength(1);
    const goalsChart = screen.getByRole('img', { name: /Goals set and achieved.*Suppressed, fewer than 11: Long term goals achieved\.$/ });
    expect(goalsChart.querySelector('[data-label="Long term, goals achieved"]')?.querySelectorAll('rect')).toHaveLength(0);
    expect(goalsChart.querySelectorAll('rect.bar')).toHaveLength(5 + 2);
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
    const chart = screen.getByRole('img', {
      name: /Barriers resolved and added, by domain.*Suppressed, fewer than 11: Health barrier to asset, Health asset to barrier, Employability asset to barrier\.$/,
    });
    expect(chart.querySelectorAll('[data-mark="suppressed"]')).toHaveLength(3);
    expect(chart.querySelectorAll('[data-mark="suppressed"] rect')).toHaveLength(0);
    expect(chart.querySelectorAll('rect.bar')).toHaveLength(1 + 2);
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

  it('draws closures as a heat map whose suppressed cells are unshaded and read "fewer than 11", with whole row labels', async () => {
    const g = fakeGateway({
      ReferralCompletion: () => ({ data: { referralOutcomes: [] } }),
      GoalAttainmentByTerm: () => ({ data: { goalAttainment: [] } }),
      DistanceTravelledByDomain: () => ({ data: { distanceTravelled: [] } }),
      ClosuresByOutcome: (v) => {
        const month = (v.period as { to: string }).to.slice(0, 7);
        return {
          data: {
            caseOutcomes: [
              { outcome: 'ENGAGED', program: 'Youth employment', month, closed: shown(14) },
              { outcome: 'EMPLOYED', program: 'Youth employment', month, closed: hidden },
              { outcome: 'EMPLOYED', program: 'Newcomer settlement', month, closed: shown(12) },
            ],
          },
        };
      },
    });
    renderApp({ path: '/outcomes', as: 'alex', gateway: g });
    const map = await screen.findByRole('img', {
      name: /Cases closed, by outcome and month.*Suppressed, fewer than 11: Employed — Youth employment, \w{3}\.$/,
    });
    expect([...map.querySelectorAll('.heat-label')].map((l) => l.textContent)).toEqual([
      'Employed — Newcomer settlement',
      'Employed — Youth employment',
      'Engaged — Youth employment',
    ]);
    const suppressed = [...map.querySelectorAll<HTMLElement>('[data-mark="suppressed"]')];
    expect(suppressed.map((c) => c.textContent)).toEqual(['fewer than 11']);
    expect(suppressed[0].style.background).toBe('');
    expect(suppressed[0].title).toMatch(/^Employed — Youth employment, \w{3}: fewer than 11$/);
    expect([...map.querySelectorAll('[data-mark="heat"]')].filter((c) => c.textContent).map((c) => c.textContent)).toEqual(['12', '14']);
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
