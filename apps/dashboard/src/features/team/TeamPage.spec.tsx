import { screen, within } from '@testing-library/react';
import { seriousViolations } from '../../testing/axe';
import { STAFF, fakeGateway, renderApp } from '../../testing/harness';

const row = (id: string, displayName: string, counts: [number, number, number, number | null, number | null]) => ({
  staffMemberId: id,
  staffMember: { id, displayName },
  openClients: counts[0],
  highPriority: counts[1],
  overdueFollowUps: counts[2],
  overdueSteps: counts[3],
  referralsAwaitingAnswer: counts[4],
});

describe('the team page', () => {
  it("shows a supervisor each case manager's five counts in a captioned table, each leading to their caseload", async () => {
    const gateway = fakeGateway({
      TeamCaseloads: () => ({
        data: { teamCaseloads: [row(STAFF.casey.id, 'Casey Morgan', [21, 4, 2, 3, 5]), row('j1', 'Jordan Lee', [0, 0, 0, 0, 0])] },
      }),
    });
    renderApp({ path: '/team', as: 'sam', gateway });
    const table = await screen.findByRole('table', { name: 'Case managers of the agency, by name' });
    const [, casey, jordan] = within(table).getAllByRole('row');
    expect(
      within(casey)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['21', '4', '2', '3', '5']);
    expect(within(casey).getByRole('link', { name: 'Casey Morgan' }).getAttribute('href')).toBe(`/caseload?cm=${STAFF.casey.id}`);
    expect(within(casey).getByRole('link', { name: 'High priority of Casey Morgan: 4' }).getAttribute('href')).toBe(
      `/caseload?cm=${STAFF.casey.id}`,
    );
    expect(
      within(jordan)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['0', '0', '0', '0', '0']);
    expect(screen.getByRole('link', { name: 'Team' }).getAttribute('aria-current')).toBe('page');
    expect(await seriousViolations()).toEqual([]);
  });

  it('says which counts are missing when plans or referrals cannot answer, and shows the rest', async () => {
    const gateway = fakeGateway({
      TeamCaseloads: () => ({ data: { teamCaseloads: [row(STAFF.casey.id, 'Casey Morgan', [21, 4, 2, null, 5])] } }),
    });
    renderApp({ path: '/team', as: 'sam', gateway });
    expect(await screen.findByText('The overdue plan steps could not be counted right now.')).toBeTruthy();
    const [, casey] = within(screen.getByRole('table')).getAllByRole('row');
    expect(
      within(casey)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['21', '4', '2', '—not available', '5']);
  });

  it('is not offered to a case manager, and refuses them at its address', async () => {
    renderApp({ path: '/team', as: 'casey', gateway: fakeGateway({}) });
    expect(await screen.findByRole('heading', { name: 'Not available to your role' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Team' })).toBeNull();
  });
});
