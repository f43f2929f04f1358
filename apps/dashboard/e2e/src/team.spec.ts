/**
 * A supervisor's team page in a real browser against the whole platform
 * with the demo data: one row per case manager with the five counts the API
 * gives (two of them from the plans and referrals services), each leading to
 * that person's caseload; it fits a 390 px phone; a case manager is not
 * offered it and is refused at its address and by the API; reassigning one
 * client and transferring a caseload ask for a reason and say who was
 * notified.
 */
import type { Page } from 'playwright-core';
import { checkPage, fitsWidth, signIn } from './browser';
import { browserSession } from './session';

const session = browserSession();
let sam: Page;

type Row = {
  staffMember: { id: string; displayName: string };
  openClients: number;
  highPriority: number;
  overdueFollowUps: number;
  overdueSteps: number | null;
  referralsAwaitingAnswer: number | null;
};
const TEAM = `{ teamCaseloads { staffMember { id displayName } openClients highPriority overdueFollowUps overdueSteps referralsAwaitingAnswer } }`;

/** Asks the gateway with the signed-in page's own token, as the dashboard does. */
async function api<T>(page: Page, query: string): Promise<{ data?: T | null; errors?: Array<{ extensions?: { code?: string } }> }> {
  const raw = await page.evaluate(() =>
    (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem('caseflow.session'),
  );
  const { token } = JSON.parse(raw ?? '{}') as { token: string };
  const res = await fetch(session.env.stack.gatewayUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: T | null; errors?: Array<{ extensions?: { code?: string } }> };
}

const team = (page: Page) => page.getByRole('table', { name: 'Case managers of the agency, by name' });

describe('the team page in a browser', () => {
  it("shows a supervisor each case manager's five counts as the API gives them, each leading to their caseload", async () => {
    sam = await signIn(session.browser, session.env.url, 'Sam Okafor');
    await sam.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
    await sam.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
    await team(sam).waitFor();

    const answer = await api<{ teamCaseloads: Row[] }>(sam, TEAM);
    expect(answer.errors).toBeUndefined();
    const rows = answer.data!.teamCaseloads;
    expect(rows.map((r) => r.staffMember.displayName)).toEqual(['Casey Morgan', 'Jordan Lee']);
    expect(rows.every((r) => r.overdueSteps !== null && r.referralsAwaitingAnswer !== null)).toBe(true);
    expect(
      rows.some((r) => r.openClients > 0 && r.highPriority > 0 && (r.overdueSteps ?? 0) > 0 && (r.referralsAwaitingAnswer ?? 0) > 0),
    ).toBe(true);

    const shown = team(sam).locator('tbody tr');
    expect(await shown.count()).toBe(rows.length);
    for (const [i, r] of rows.entries()) {
      const tr = shown.nth(i);
      expect(await tr.getByRole('rowheader').innerText()).toBe(r.staffMember.displayName);
      expect(await tr.getByRole('cell').allInnerTexts()).toEqual(
        [r.openClients, r.highPriority, r.overdueFollowUps, r.overdueSteps, r.referralsAwaitingAnswer].map(String),
      );
      expect(await tr.getByRole('link', { name: r.staffMember.displayName, exact: true }).getAttribute('href')).toBe(
        `/caseload?cm=${r.staffMember.id}`,
      );
    }
    await checkPage(sam, 'team-01-table');

    await shown
      .nth(1)
      .getByRole('link', { name: `Open clients of Jordan Lee: ${rows[1].openClients}` })
      .click();
    await sam.getByRole('table').filter({ hasText: 'Jordan Lee' }).first().waitFor();
    expect(new URL(sam.url()).searchParams.get('cm')).toBe(rows[1].staffMember.id);
  });

  it('fits a 390 px phone, each case manager a card with the five counts', async () => {
    await sam.setViewportSize({ width: 390, height: 844 });
    try {
      await sam.goto(`${session.env.url}/team`);
      await team(sam).waitFor();
      expect(await fitsWidth(sam)).toBe(true);
      const box = await team(sam).boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(390);
      await checkPage(sam, 'team-02-phone');
    } finally {
      await sam.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('is not offered to a case manager, who is refused at its address and by the API', async () => {
    const casey = await signIn(session.browser, session.env.url, 'Casey Morgan');
    await casey.getByRole('heading', { name: 'My caseload' }).waitFor();
    expect(await casey.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).count()).toBe(0);
    await casey.goto(`${session.env.url}/team`);
    await casey.getByRole('heading', { level: 1, name: 'Not available to your role' }).waitFor();
    expect(await casey.getByRole('table').count()).toBe(0);
    const refused = await api(casey, TEAM);
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(refused.data).toBeNull();
    await casey.close();
  });

  it('reassigning one client from the caseload asks for a reason, then says who was notified', async () => {
    const before = (await api<{ teamCaseloads: Row[] }>(sam, TEAM)).data!.teamCaseloads;
    await sam.goto(`${session.env.url}/caseload?cm=${before[0].staffMember.id}`);
    const first = sam.locator('table.caseload tbody tr').first();
    await first.waitFor();
    const name = ((await first.getByRole('link').first().textContent()) ?? '').trim();
    const row = sam.locator('table.caseload tbody tr', { has: sam.getByLabel(`Reassign ${name} to`) });
    await row.getByLabel(`Reassign ${name} to`).selectOption({ label: 'Jordan Lee (Case manager)' });
    await row.getByRole('button', { name: 'Reassign' }).click();
    await row.getByText('The reason is required.').waitFor();
    expect(await row.getByLabel(`Why ${name} moves (required)`).getAttribute('aria-invalid')).toBe('true');
    expect((await api<{ teamCaseloads: Row[] }>(sam, TEAM)).data!.teamCaseloads).toEqual(before);

    await row.getByLabel(`Why ${name} moves (required)`).fill('Jordan speaks the client’s language.');
    await row.getByRole('button', { name: 'Reassign' }).click();
    await sam.getByText(`${name} is now with Jordan Lee. Notified: Jordan Lee. Casey Morgan was not notified.`).waitFor();
    const after = (await api<{ teamCaseloads: Row[] }>(sam, TEAM)).data!.teamCaseloads;
    expect(after.map((r) => r.openClients)).toEqual([before[0].openClients - 1, before[1].openClients + 1]);
    await checkPage(sam, 'team-03-reassigned');
  });

  it('a transfer asks for a reason before anything moves, then says who was notified', async () => {
    const before = (await api<{ teamCaseloads: Row[] }>(sam, TEAM)).data!.teamCaseloads;
    await sam.goto(`${session.env.url}/transfers`);
    await sam.getByLabel(/^From case manager/).selectOption({ label: 'Casey Morgan' });
    await sam.getByLabel(/^To case manager/).selectOption({ label: 'Jordan Lee' });
    const group = sam.getByRole('group', { name: 'Clients to move' });
    await group.getByRole('checkbox').first().check();
    await sam.getByRole('button', { name: 'Transfer' }).click();
    await sam.getByText('The reason is required.').waitFor();
    expect(await sam.getByLabel(/^Reason/).getAttribute('aria-invalid')).toBe('true');
    expect(await sam.getByRole('button', { name: 'Confirm the transfer' }).count()).toBe(0);
    expect((await api<{ teamCaseloads: Row[] }>(sam, TEAM)).data!.teamCaseloads).toEqual(before);

    await sam.getByLabel(/^Reason/).fill('Casey is on leave this month.');
    await sam.getByRole('button', { name: 'Transfer' }).click();
    await sam.getByText('Jordan Lee is notified once; Casey Morgan is not notified.').waitFor();
    await sam.getByRole('button', { name: 'Confirm the transfer' }).click();
    const done = sam.getByRole('status').filter({ hasText: '1 client moved to Jordan Lee' });
    await done.waitFor();
    expect(await done.innerText()).toContain('Notified: Jordan Lee, once for all of them. Casey Morgan was not notified.');
    const after = (await api<{ teamCaseloads: Row[] }>(sam, TEAM)).data!.teamCaseloads;
    expect(after.map((r) => r.openClients)).toEqual([before[0].openClients - 1, before[1].openClients + 1]);
    await checkPage(sam, 'team-04-transfer-notified');
  });
});
