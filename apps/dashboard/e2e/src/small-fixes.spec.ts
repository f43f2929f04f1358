/**
 * The small things a day of work runs into, in a real browser against the
 * whole platform with the demo data: a client of another case manager is one
 * clear refusal with no forms; intake flags every required field at once; a
 * referral's follow-up day is shown to the sender and the partner; Escape
 * closes an open form; the caseload's page is in the address; ranking
 * priorities again starts from the last ranking; a phone's screen is left to
 * the page. Every wait is on something the page shows; dates are relative to
 * today on the agency's clock.
 */
import type { Locator, Page } from 'playwright-core';
import { HARBOUR_TIME_ZONE } from '@caseflow/clients-seed';
import { addDays, localDay } from '@caseflow/core';
import { checkPage, fitsWidth, signIn } from './browser';
import { browserSession } from './session';

const session = browserSession();
let casey: Page;
let jordan: Page;
const story: { clientPath?: string } = {};

describe('small fixes in a browser', () => {
  it('jordan opening casey’s client gets one clear refusal and no forms, on every part of the file', async () => {
    casey = await signIn(session.browser, session.env.url, 'Casey Morgan');
    await casey.getByRole('heading', { name: 'My caseload' }).waitFor();
    await casey.locator('table.caseload tbody tr').first().getByRole('link').first().click();
    await casey.getByRole('navigation', { name: 'Parts of the client file' }).waitFor();
    story.clientPath = new URL(casey.url()).pathname;

    jordan = await signIn(session.browser, session.env.url, 'Jordan Lee');
    for (const tab of ['', '?tab=notes', '?tab=referrals', '?tab=plan']) {
      await jordan.goto(`${session.env.url}${story.clientPath}${tab}`);
      await jordan.getByRole('heading', { level: 1, name: "You may not see this client's record" }).waitFor();
      const content = main(jordan);
      expect(await content.getByText('Client not found').count()).toBe(0);
      expect(await content.getByRole('alert').count()).toBe(0);
      expect(await content.getByText(/may not see/i).count()).toBe(1);
      expect(await content.locator('form, textarea, input, select').count()).toBe(0);
      expect(await content.getByRole('button').count()).toBe(0);
      expect(await jordan.getByRole('navigation', { name: 'Parts of the client file' }).count()).toBe(0);
    }
    await main(jordan).getByRole('link', { name: 'Back to the caseload' }).waitFor();
    await checkPage(jordan, 'small-01-refused-client');
  });

  it('the first empty submit of an intake flags the preferred contact method with the other required fields', async () => {
    await casey.getByRole('link', { name: 'New intake' }).click();
    await casey.getByRole('heading', { name: '1. Open the client' }).waitFor();
    await casey.getByRole('button', { name: 'Open the client' }).click();
    await casey.getByText('The first name is required.').waitFor();
    await casey.getByText('The last name is required.').waitFor();
    await casey.getByText('The contact method is required.').waitFor();
    expect(await casey.getByLabel(/^Preferred contact method/).getAttribute('aria-invalid')).toBe('true');
    expect(new URL(casey.url()).pathname).toBe('/intake');
    await checkPage(casey, 'small-02-intake-required');
  });

  it('a referral’s follow-up day shows in the client file and on the partner’s referral', async () => {
    await casey.goto(`${session.env.url}${story.clientPath}?tab=consents`);
    await casey.getByRole('button', { name: 'Record a consent' }).click();
    await casey.getByLabel('Find in the directory').fill('Northside');
    await casey.getByRole('button', { name: 'Find' }).click();
    await casey.getByRole('radio', { name: 'Northside Food Bank' }).check();
    await casey.getByLabel(/^Purpose/).fill('Referral for a food hamper');
    await casey.getByRole('button', { name: 'Record the consent' }).click();
    await casey.getByText('The consent was recorded.').waitFor();

    await casey.getByRole('link', { name: 'Refer to a service' }).click();
    await casey.getByLabel('Words').fill('hamper Northside');
    await casey.getByRole('button', { name: 'Search', exact: true }).click();
    const hamper = casey
      .locator('.hit')
      .filter({ hasText: 'Northside Food Bank' })
      .filter({ has: casey.getByRole('heading', { name: 'Emergency Food Hamper' }) });
    await hamper.getByRole('button', { name: 'Refer to Emergency Food Hamper' }).click();
    await casey.getByText(/^Covered: .* has an active consent to Northside Food Bank/).waitFor();
    await casey.getByLabel(/^Need/).fill('Food until the end of the month');
    await casey.getByLabel(/^Why it is necessary/).fill('The cheque is late this month.');
    await casey.getByLabel(/^Why this service is appropriate/).fill('Hampers the same week, near home.');
    await casey.getByRole('radio', { name: 'Urgent' }).check();
    await casey.getByLabel(/^Follow up on/).fill(followUp);
    await casey.getByRole('button', { name: 'Create and send the referral' }).click();
    await casey.waitForURL((url) => url.search === '?tab=referrals');
    const sent = casey.locator('.referral').filter({ hasText: 'Food until the end of the month' });
    await sent.locator('.timeline').getByText('Sent').waitFor();
    expect(await detail(sent, 'Follow up on')).toBe(readable(followUp));
    await checkPage(casey, 'small-03-referral-follow-up');

    const pat = await signIn(session.browser, session.env.url, 'Pat Rivera');
    await pat.getByRole('heading', { name: 'Referral inbox' }).waitFor();
    await pat.locator('table.inbox tbody tr').filter({ hasText: 'Food until the end of the month' }).getByRole('link').click();
    await pat.getByRole('heading', { name: 'Referral to Emergency Food Hamper' }).waitFor();
    expect(await detail(pat.getByRole('main'), 'Case manager follows up on')).toBe(readable(followUp));
    await checkPage(pat, 'small-04-partner-referral-follow-up');
    await pat.close();
  });

  it('Escape closes an open form and gives the keyboard back to the button that opened it', async () => {
    await casey.goto(`${session.env.url}${story.clientPath}?tab=notes`);
    const add = casey.getByRole('button', { name: 'Add a case note' });
    await add.click();
    await casey.getByLabel(/^Note/).fill('Called about the hamper.');
    await casey.getByLabel(/^Note/).press('Escape');
    await casey.getByLabel(/^Note/).waitFor({ state: 'detached' });
    expect(await add.getAttribute('aria-expanded')).toBe('false');
    expect(await add.evaluate((b) => b === b.ownerDocument.activeElement)).toBe(true);

    await casey.goto(`${session.env.url}${story.clientPath}?tab=consents`);
    const record = casey.getByRole('button', { name: 'Record a consent' });
    await record.click();
    const find = casey.getByLabel('Find in the directory');
    await find.fill('Northside');
    await find.press('Escape');
    await find.waitFor({ state: 'detached' });
    expect(await record.getAttribute('aria-expanded')).toBe('false');
    expect(await record.evaluate((b) => b === b.ownerDocument.activeElement)).toBe(true);
  });

  it('the caseload page is in the address: Back, Forward and reload keep it', async () => {
    await casey.goto(`${session.env.url}/caseload?status=INTAKE,ACTIVE,ON_HOLD,CLOSED`);
    const firstClient = () => casey.locator('table.caseload tbody tr').first().getByRole('link').first().getAttribute('href');
    const onPage = (n: number) =>
      casey
        .locator('.pager-summary')
        .filter({ hasText: new RegExp(`page ${n}$`) })
        .waitFor();
    await onPage(1);
    const firstOfPage1 = await firstClient();
    await casey.getByRole('button', { name: 'Next page' }).click();
    await onPage(2);
    const firstOfPage2 = await until(firstClient, (href) => href !== firstOfPage1);
    const url = new URL(casey.url());
    expect(url.searchParams.get('status')).toBe('INTAKE,ACTIVE,ON_HOLD,CLOSED');
    expect(url.searchParams.get('after')).toMatch(/^[A-Za-z0-9_-]+$/);

    await casey.reload();
    await onPage(2);
    expect(await until(firstClient, (href) => href === firstOfPage2)).toBe(firstOfPage2);
    await casey.goBack();
    await onPage(1);
    expect(await until(firstClient, (href) => href === firstOfPage1)).toBe(firstOfPage1);
    await casey.goForward();
    await onPage(2);
    expect(await until(firstClient, (href) => href === firstOfPage2)).toBe(firstOfPage2);
    await casey.getByRole('button', { name: 'Previous page' }).click();
    await onPage(1);
    expect(new URL(casey.url()).searchParams.get('after')).toBeNull();
    expect(await until(firstClient, (href) => href === firstOfPage1)).toBe(firstOfPage1);
    await checkPage(casey, 'small-05-caseload-paging');
  });

  it('ranking priorities: the prompt goes once every pair is chosen, and ranking again starts from the last ranking', async () => {
    await casey.goto(`${session.env.url}${story.clientPath}?tab=plan`);
    await casey.getByRole('button', { name: 'Rank needs with the client' }).click();
    const grid = casey.locator('form.grid-form');
    if (!(await grid.getByLabel('Need 1', { exact: true }).inputValue())) {
      await grid.getByLabel('Need 1', { exact: true }).fill('Housing');
      await grid.getByLabel('Need 2', { exact: true }).fill('Childcare');
      await grid.getByLabel('Need 3', { exact: true }).fill('Food');
    } else {
      // A need added to what the grid starts with: every pair is to be chosen again.
      await grid.getByRole('button', { name: 'Add a need' }).click();
      await grid
        .getByRole('textbox', { name: /^Need \d+$/ })
        .last()
        .fill('Bus fare to appointments');
    }
    const pairs = grid.locator('fieldset.pair');
    await pairs.first().waitFor();
    await grid.getByRole('button', { name: 'Save the ranking' }).click();
    const prompt = grid.getByRole('alert').filter({ hasText: /^Compare “/ });
    await prompt.waitFor();
    const count = await pairs.count();
    // The later need wins every pair: the new ranking is the reverse of the order given.
    for (let i = 0; i < count; i += 1) await pairs.nth(i).getByRole('radio').nth(1).check();
    await prompt.waitFor({ state: 'detached' });
    expect(await grid.getByRole('alert').count()).toBe(0);
    const preview = await grid.locator('.ranking-preview li').allTextContents();
    await grid.getByRole('button', { name: 'Save the ranking' }).click();
    await casey.getByText('The ranking was saved.').waitFor();
    // The saved ranking is listed (the plans were read again) before the grid is opened again.
    const listed = async () => {
      for (const ranking of await casey.locator('.ranking').all())
        if (JSON.stringify(await ranking.locator('li').allTextContents()) === JSON.stringify(preview)) return true;
      return false;
    };
    expect(await until(listed, Boolean)).toBe(true);

    await casey.getByRole('button', { name: 'Rank needs with the client' }).click();
    const again = casey.locator('form.grid-form');
    await again.getByText(`Which matters more now? (${count} of ${count} compared)`).waitFor();
    expect(await again.locator('.ranking-preview li').allTextContents()).toEqual(preview);
    expect(await again.getByLabel('Need 1', { exact: true }).inputValue()).toBe(preview[0].replace(/\s*\(\d+ wins?\)$/, ''));
    expect(await again.getByRole('alert').count()).toBe(0);
    await checkPage(casey, 'small-06-rank-again');
    await again.getByLabel('Need 1', { exact: true }).press('Escape');
  });

  it('on a 390 px phone the headers leave the screen to the page, and the assessment tables fit', async () => {
    await casey.setViewportSize({ width: 390, height: 844 });
    try {
      await casey.goto(`${session.env.url}${story.clientPath}?tab=assessment`);
      await casey.locator('table.compact').first().waitFor();
      // Everything above the part shown (the frame's header, the client's name and actions, the row of parts): at most a third.
      const above = (await casey.locator('.tab-panel').boundingBox())?.y ?? Number.POSITIVE_INFINITY;
      expect(above).toBeLessThanOrEqual(844 / 3);
      expect(await fitsWidth(casey)).toBe(true);
      const table = await casey.locator('table.compact').first().boundingBox();
      expect((table?.x ?? 0) + (table?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(390);
      expect(await casey.getByRole('banner').getByText('Casey Morgan').count()).toBe(1);
      await checkPage(casey, 'small-07-phone-assessment');

      await casey.goto(`${session.env.url}/caseload`);
      await casey.locator('table.caseload tbody tr').first().waitFor();
      expect(await fitsWidth(casey)).toBe(true);
      await checkPage(casey, 'small-08-phone-caseload');
    } finally {
      await casey.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

/** The value once it passes the check (what the page shows may lag a moment behind the address); the last value after 10 s. */
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let waited = 0; !ok(value) && waited < 10_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** Ten days ahead on the agency's calendar, as the date field takes it. */
const followUp = addDays(localDay(new Date(), HARBOUR_TIME_ZONE), 10);

/** A calendar day as the dashboard shows it, e.g. "Jan 5, 2027". */
function readable(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** The value beside a term in a details list. */
async function detail(scope: Locator, term: string): Promise<string> {
  const row = scope.locator('dl.details > div').filter({ has: scope.page().locator('dt', { hasText: new RegExp(`^${term}$`) }) });
  return ((await row.locator('dd').textContent()) ?? '').trim();
}

function main(page: Page) {
  return page.getByRole('main');
}
