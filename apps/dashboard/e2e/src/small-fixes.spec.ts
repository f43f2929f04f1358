/**
 * The small things a day of work runs into, in a real browser against the
 * whole platform with the demo data: a client of another case manager is one
 * clear refusal with no forms. Every wait is on something the page shows.
 */
import type { Page } from 'playwright-core';
import { checkPage, signIn } from './browser';
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
});

function main(page: Page) {
  return page.getByRole('main');
}
