/**
 * The directory as a place to find help, in a real browser against the whole
 * platform with the demo data: words put the service they name first; the
 * search is kept in the address (reload, back and forward restore it); a
 * result leads to the referral screen with its service already chosen.
 */
import type { Page } from 'playwright-core';
import { checkPage, signIn } from './browser';
import { browserSession } from './session';

const session = browserSession();
let casey: Page;

const hits = (page: Page) => page.getByRole('region', { name: 'Search results' }).locator('.hit');
const firstHit = (page: Page) => hits(page).first().getByRole('heading', { level: 3 });
const params = (page: Page) => new URL(page.url()).searchParams;

describe('the directory in a browser', () => {
  it('puts the service named by the words first, and keeps the search in the address', async () => {
    casey = await signIn(session.browser, session.env.url, 'Casey Morgan');
    await casey.getByRole('heading', { name: 'My caseload' }).waitFor();
    await casey.getByRole('link', { name: 'Directory' }).click();
    await hits(casey).first().waitFor();

    await casey.getByLabel('Words').fill('Weekly Food Pantry');
    await casey.getByRole('button', { name: 'Search', exact: true }).click();
    await casey.waitForURL(/[?&]q=Weekly/);
    await firstHit(casey).filter({ hasText: 'Weekly Food Pantry' }).waitFor();
    expect(await firstHit(casey).textContent()).toBe('Weekly Food Pantry');
    expect(params(casey).get('q')).toBe('Weekly Food Pantry');
    await checkPage(casey, 'directory-01-words');

    // A reload (or the same link in another tab) runs the same search.
    await casey.reload();
    await firstHit(casey).filter({ hasText: 'Weekly Food Pantry' }).waitFor();
    expect(await casey.getByLabel('Words').inputValue()).toBe('Weekly Food Pantry');

    // Nearest first is kept too; back returns to the best match, forward to the nearest.
    await casey.getByLabel('Order').selectOption('DISTANCE');
    await casey.getByLabel('Open now').check();
    await casey.getByRole('button', { name: 'Search', exact: true }).click();
    await casey.waitForURL(/[?&]sort=distance/);
    expect(params(casey).get('open')).toBe('1');
    await casey.locator('.count').filter({ hasNotText: 'updating' }).waitFor();
    await casey.goBack();
    await casey.waitForURL((url) => !url.searchParams.has('sort'));
    expect(await casey.getByLabel('Order').inputValue()).toBe('');
    expect(await casey.getByLabel('Open now').isChecked()).toBe(false);
    await firstHit(casey).filter({ hasText: 'Weekly Food Pantry' }).waitFor();
    await casey.goForward();
    await casey.waitForURL(/[?&]sort=distance/);
    expect(await casey.getByLabel('Order').inputValue()).toBe('DISTANCE');
    expect(await casey.getByLabel('Open now').isChecked()).toBe(true);
    expect(await casey.getByLabel('Words').inputValue()).toBe('Weekly Food Pantry');
  });

  it('refers a client from a result: the client is chosen, then the referral screen has the service', async () => {
    await casey.goto(`${session.env.url}/directory?q=Weekly+Food+Pantry`);
    await firstHit(casey).filter({ hasText: 'Weekly Food Pantry' }).waitFor();
    await hits(casey).first().getByRole('link', { name: 'Refer a client to Weekly Food Pantry' }).click();

    await casey.getByRole('heading', { level: 1, name: 'Refer a client' }).waitFor();
    await casey.getByRole('heading', { level: 3, name: 'Weekly Food Pantry' }).waitFor();
    const clients = casey.getByRole('list', { name: 'Clients' }).getByRole('link');
    await clients.first().waitFor();
    await checkPage(casey, 'directory-02-choose-client');
    const name = (await clients.first().textContent())!;
    await clients.first().click();

    await casey.getByRole('heading', { level: 1, name: `Refer ${name}` }).waitFor();
    await casey.getByRole('heading', { name: '2. The referral' }).waitFor();
    await casey.locator('.hits.single').getByRole('heading', { name: 'Weekly Food Pantry' }).waitFor();
    await casey.getByRole('button', { name: 'Choose another service' }).waitFor();
    expect(await casey.getByRole('heading', { name: '1. Find a service' }).count()).toBe(0);
    expect(new URL(casey.url()).pathname).toMatch(/^\/clients\/[^/]+\/refer$/);
    await checkPage(casey, 'directory-03-refer-preselected');
    await casey.close();
  });
});
