/**
 * A day's work in the dashboard, in headless Chromium, against the whole
 * platform with the demo data: casey works her most urgent client (a step, a
 * consent, a referral), pat accepts the referral at the food bank, casey sees
 * the answer, alex reads the outcome figures. Each main page is checked with
 * axe-core (no serious or critical WCAG 2.1 AA violation) and photographed
 * into apps/dashboard/test-artifacts/. Every wait is on something the page
 * shows, never on time.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { checkPage, fitsWidth, screenshot, signIn } from './browser';
import { browserSession } from './session';

const session = browserSession();
let casey: Page;
const story: { client?: string; clientPath?: string } = {};

describe('the dashboard in a browser', () => {
  it('casey signs in from the list of demo staff and sees her caseload, most urgent first', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(`${session.env.url}/`);
    await page.getByRole('button', { name: /^Casey Morgan/ }).waitFor();
    await checkPage(page, '01-sign-in');
    await page.getByRole('button', { name: /^Casey Morgan/ }).click();
    await page.getByRole('heading', { name: 'My caseload' }).waitFor();
    const rows = page.locator('table.caseload tbody tr');
    await rows.first().waitFor();
    const levels = await rows.locator('.badge[class*="priority-"]').allTextContents();
    const order = ['Urgent', 'High', 'Medium', 'Low'];
    expect(levels.map((l) => order.indexOf(l.replace(/,.*/, '').trim()))).toEqual(
      [...levels.map((l) => order.indexOf(l.replace(/,.*/, '').trim()))].sort((a, b) => a - b),
    );
    expect(levels[0]).toMatch(/^Urgent/);
    expect(await rows.first().locator('.reasons li').count()).toBeGreaterThan(0);
    await checkPage(page, '02-caseload');
    casey = page;
  });

  it('casey opens the most urgent client and completes a step of the action plan', async () => {
    const first = casey.locator('table.caseload tbody tr').first().getByRole('link');
    story.client = (await first.textContent())?.trim();
    await first.click();
    await casey.getByRole('heading', { level: 1, name: story.client }).waitFor();
    await casey.getByRole('heading', { name: 'Priority' }).waitFor();
    story.clientPath = new URL(casey.url()).pathname;
    await checkPage(casey, '03-client-overview');

    await casey.getByRole('link', { name: 'Action plan' }).click();
    await casey.locator('table.steps').first().waitFor();
    const open = casey
      .locator('table.steps tbody tr')
      .filter({ has: casey.getByRole('button', { name: /Update step/ }) })
      .filter({ hasNot: casey.locator('.badge-complete') });
    const overdue = open.filter({ hasText: 'Overdue' });
    const row = (await overdue.count()) ? overdue.first() : open.first();
    const description = (
      await row
        .locator('th')
        .first()
        .evaluate((th) => th.childNodes[0]?.textContent ?? '')
    ).trim();
    expect(description).not.toBe('');
    await checkPage(casey, '04-client-plan');

    await row.getByRole('button', { name: /Update step/ }).click();
    await casey.getByLabel('Outcome').selectOption('COMPLETE');
    await casey.getByLabel(/^Why/).fill('Done together at the office today.');
    await casey.getByRole('button', { name: 'Save the step' }).click();
    await casey.getByText(`Step “${description}” saved.`).waitFor();
    const saved = casey.locator('table.steps tbody tr').filter({ hasText: description }).first();
    await saved.locator('.badge-complete').waitFor();
    expect(await saved.textContent()).not.toContain('Overdue');
  });

  it('casey records a consent for the food bank and sends a referral to its hamper service', async () => {
    await casey.getByRole('link', { name: 'Consents' }).click();
    await casey.getByRole('button', { name: 'Record a consent' }).click();
    await casey.getByLabel('Find in the directory').fill('Northside');
    await casey.getByRole('button', { name: 'Find' }).click();
    await casey.getByRole('radio', { name: 'Northside Food Bank' }).check();
    await casey.getByRole('checkbox', { name: 'Assessments' }).check();
    await casey.getByLabel(/^Purpose/).fill('Referral for emergency food');
    await casey.getByRole('button', { name: 'Record the consent' }).click();
    await casey.getByText('The consent was recorded.').waitFor();
    const consent = casey.locator('table.consents tbody tr').filter({ hasText: 'Referral for emergency food' });
    await consent.waitFor();
    expect(await consent.textContent()).toMatch(/Northside Food Bank.*Contact information, Assessments, Referral details.*Active/);
    await checkPage(casey, '05-client-consents');

    await casey.getByRole('link', { name: 'Refer to a service' }).click();
    await casey.getByRole('heading', { name: `Refer ${story.client}` }).waitFor();
    await casey.getByLabel('Words').fill('hamper Northside');
    await casey.getByRole('button', { name: 'Search', exact: true }).click();
    const hamper = casey
      .locator('.hit')
      .filter({ hasText: 'Northside Food Bank' })
      .filter({ has: casey.getByRole('heading', { name: 'Emergency Food Hamper' }) });
    await hamper.waitFor();
    expect(await hamper.textContent()).toMatch(/Address.*North Street/);
    await checkPage(casey, '06-refer-search');
    await hamper.getByRole('button', { name: 'Refer to Emergency Food Hamper' }).click();
    await casey.getByText(/^Covered: .* has an active consent to Northside Food Bank/).waitFor();

    await casey.getByRole('button', { name: 'Create and send the referral' }).click();
    await casey.getByText('Why it is necessary is required.').waitFor();
    await casey.getByLabel(/^Need/).fill('Not enough food at home this week');
    await casey.getByLabel(/^Why it is necessary/).fill('The family has no food until the next cheque.');
    await casey.getByLabel(/^Why this service is appropriate/).fill('Same-day hamper, close to home.');
    await casey.getByRole('radio', { name: 'Urgent' }).check();
    await checkPage(casey, '07-refer-form');
    await casey.getByRole('button', { name: 'Create and send the referral' }).click();
    await casey.waitForURL((url) => url.search === '?tab=referrals');
    const sent = casey.locator('.referral').filter({ hasText: 'Not enough food at home this week' });
    await sent.locator('.timeline').getByText('Sent').waitFor();
    expect(await sent.locator('.referral-head').textContent()).toContain('Emergency Food Hamper');
  });

  it('pat at the food bank sees the referral in the inbox and accepts it', async () => {
    const pat = await signIn(session.browser, session.env.url, 'Pat Rivera');
    await pat.getByRole('heading', { name: 'Referral inbox' }).waitFor();
    const row = pat
      .locator('table.inbox tbody tr')
      .filter({ hasText: 'Emergency Food Hamper' })
      .filter({ hasText: story.client as string });
    await row.waitFor();
    expect(await row.textContent()).toContain('Not enough food at home this week');
    await checkPage(pat, '08-partner-inbox');

    await row.getByRole('link').click();
    await pat.getByRole('heading', { name: 'Referral to Emergency Food Hamper' }).waitFor();
    await pat.getByRole('heading', { name: 'The client' }).waitFor();
    await checkPage(pat, '09-partner-referral');
    await pat.getByRole('group', { name: 'Answers' }).getByRole('button', { name: 'Accept' }).click();
    await pat.getByLabel(/^Note for the case manager/).fill('Hamper ready for pick-up tomorrow.');
    await pat.getByRole('button', { name: 'Accept the referral' }).click();
    await pat.getByText(/^Accepted: the case manager sees it/).waitFor();
    await pat.locator('.timeline').getByText('Accepted').waitFor();

    await pat.getByRole('link', { name: 'Our directory entries' }).click();
    await pat.getByRole('heading', { name: 'Emergency Food Hamper' }).waitFor();
    await checkPage(pat, '10-partner-directory-entries');
    await pat.close();
  });

  it('casey sees the acceptance, with who and the note, in the referral timeline', async () => {
    await casey.goto(`${session.env.url}${story.clientPath}?tab=referrals`);
    const referral = casey.locator('.referral').filter({ hasText: 'Not enough food at home this week' });
    const accepted = referral.locator('.timeline li').filter({ hasText: 'Accepted' });
    await accepted.waitFor();
    expect(await accepted.textContent()).toMatch(/Accepted.*Pat Rivera.*Hamper ready for pick-up tomorrow/);
    expect(await referral.locator('.referral-head').textContent()).toContain('Accepted');
    await checkPage(casey, '11-client-referrals');
  });

  it('casey’s other pages work on a laptop and a tablet: intake and the directory', async () => {
    await casey.getByRole('link', { name: 'New intake' }).click();
    await casey.getByRole('heading', { name: '1. Open the client' }).waitFor();
    await checkPage(casey, '12-intake');
    await casey.getByRole('link', { name: 'Directory' }).click();
    await casey.locator('.hit').first().waitFor();
    await checkPage(casey, '13-directory');

    await casey.setViewportSize({ width: 820, height: 1180 });
    await casey.getByRole('link', { name: 'Caseload' }).click();
    await casey.locator('table.caseload tbody tr').first().waitFor();
    expect(await fitsWidth(casey)).toBe(true);
    await checkPage(casey, '14-caseload-tablet');
    await casey.goto(`${session.env.url}${story.clientPath}?tab=plan`);
    await casey.locator('table.steps').first().waitFor();
    expect(await fitsWidth(casey)).toBe(true);
    await screenshot(casey, '15-client-plan-tablet');
    await casey.close();
  });

  it('with the plans service down the caseload says what is missing and the rest works; once it is back the page is whole', async () => {
    await session.env.stack.stopSubgraph('plans');
    const page = await signIn(session.browser, session.env.url, 'Casey Morgan');
    try {
      const note = page.getByRole('note').filter({ hasText: 'Plan progress could not be loaded right now' });
      await note.waitFor();
      const rows = page.locator('table.caseload tbody tr');
      expect(await rows.count()).toBeGreaterThan(0);
      expect(await rows.first().locator('.reasons li').count()).toBeGreaterThan(0);
      expect(await rows.first().textContent()).toContain('Unavailable');
      await screenshot(page, '16-caseload-plans-down');
    } finally {
      await session.env.stack.startSubgraph('plans');
    }
    await page.reload();
    await page
      .locator('table.caseload tbody tr')
      .first()
      .getByRole('progressbar')
      .or(page.locator('table.caseload tbody tr').first().getByText('No active plan'))
      .waitFor();
    expect(await page.getByRole('note').filter({ hasText: 'could not be loaded' }).count()).toBe(0);
    await page.close();
  });

  it('alex sees the outcome figures as charts and tables with suppressed cells, and downloads them', async () => {
    const alex = await signIn(session.browser, session.env.url, 'Alex Novak');
    await alex.getByRole('heading', { name: 'Outcomes' }).waitFor();
    await alex.getByRole('img', { name: /Completion rate of referrals/ }).waitFor();
    await alex.getByRole('img', { name: /Goals set and achieved/ }).waitFor();
    await alex.getByRole('img', { name: /Cases closed, by outcome and month/ }).waitFor();
    expect(await alex.locator('table.figures .suppressed').count()).toBeGreaterThan(0);
    expect(await alex.locator('table.figures td').filter({ hasText: /^\d+$/ }).count()).toBeGreaterThan(0);
    expect(await alex.locator('svg.chart .suppressed-bar, svg.chart .suppressed-cell').count()).toBeGreaterThan(0);
    await checkPage(alex, '17-outcomes');

    const download = alex.waitForEvent('download');
    await alex.getByRole('button', { name: 'Download CSV of case closures' }).click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^outcome,program,\d{4}-\d{2}/);
    expect(csv).toContain('suppressed');
    await alex.close();
  });
});
