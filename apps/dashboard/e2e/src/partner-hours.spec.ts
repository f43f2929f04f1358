/**
 * A partner's opening hours and phones, in a real browser against the whole
 * platform with the demo data: the organization page shows a service's hours
 * as the directory shows them (the demo's hours belong to the service at its
 * place, not to the service); the partner changes those hours and adds a
 * phone, which stay after a reload and reach the directory; the page with the
 * editors open passes axe.
 */
import type { Locator, Page } from 'playwright-core';
import { checkPage, signIn } from './browser';
import { browserSession } from './session';

const session = browserSession();
const SERVICE = 'Emergency Food Hamper';
let pat: Page;
const story: { directoryHours?: string[] } = {};

/** The value beside a label in a card's details. */
function detail(card: Locator, term: string): Locator {
  return card
    .locator('dl > div')
    .filter({ has: card.page().locator('dt', { hasText: new RegExp(`^${term}$`) }) })
    .locator('dd');
}

function hamperInDirectory(page: Page): Locator {
  return page
    .locator('.hit')
    .filter({ hasText: 'Northside Food Bank' })
    .filter({ has: page.getByRole('heading', { name: SERVICE }) });
}

function hamperCard(page: Page): Locator {
  return page.locator('.service-card').filter({ has: page.getByRole('heading', { name: SERVICE }) });
}

async function searchDirectory(page: Page): Promise<Locator> {
  await page.goto(`${session.env.url}/directory`);
  await page.getByLabel('Words').fill('hamper Northside');
  await page.getByLabel('Where').selectOption('anywhere');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const hit = hamperInDirectory(page);
  await hit.waitFor();
  return hit;
}

async function openOrganization(page: Page): Promise<Locator> {
  await page.goto(`${session.env.url}/organization`);
  await page.getByRole('heading', { name: 'Our directory entries' }).waitFor();
  const card = hamperCard(page);
  await card.waitFor();
  return card;
}

function lines(text: string | null): string[] {
  return (text ?? '').split('\n').filter(Boolean);
}

describe('a partner’s opening hours and phones', () => {
  it('the organization page shows the hours the directory shows for the same service', async () => {
    pat = await signIn(session.browser, session.env.url, 'Pat Rivera');
    const hit = await searchDirectory(pat);
    const shown = await detail(hit, 'Hours').locator('.block').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.join(' ')).toMatch(/\d\d:\d\d–\d\d:\d\d/);
    story.directoryHours = shown;

    const card = await openOrganization(pat);
    const hours = await detail(card, 'Hours').innerText();
    expect(hours).not.toBe('—');
    for (const line of shown) expect(hours).toContain(line);
    await detail(card, 'Phone').waitFor();
  });

  it('changes the hours at a place and adds a phone; a number that is not one is named beside its field', async () => {
    const card = hamperCard(pat);
    await card.getByRole('button', { name: `Hours of ${SERVICE}` }).click();
    await card
      .getByRole('button', { name: /^Change the hours .* at / })
      .first()
      .click();
    await card.getByLabel('Opens', { exact: true }).fill('08:30');
    await card.getByLabel('Closes', { exact: true }).fill('16:30');
    await card.getByLabel('Closes the next day (past midnight)').setChecked(false);
    await card.getByRole('button', { name: 'Save the hours' }).click();
    await pat.getByText(new RegExp(`^The hours of ${SERVICE} at .* were changed\\.$`)).waitFor();
    await detail(card, 'Hours')
      .getByText(/08:30–16:30/)
      .first()
      .waitFor();

    await card.getByRole('button', { name: `Phones of ${SERVICE}` }).click();
    await card.getByRole('button', { name: `Add a phone to ${SERVICE}` }).click();
    await card.getByLabel(/^Number/).fill('12');
    await card.getByRole('button', { name: 'Add the phone' }).click();
    await card.getByText('Enter a phone number of 7 to 15 digits.').waitFor();
    expect(await card.getByLabel(/^Number/).getAttribute('aria-invalid')).toBe('true');
    expect(await detail(card, 'Phone').innerText()).not.toContain('12');

    await card.getByLabel(/^Number/).fill('+1 902-555-0142');
    await card.getByLabel('Extension').fill('7');
    await card.getByLabel('Note').fill('Hamper line');
    await card.getByRole('button', { name: 'Add the phone' }).click();
    await pat.getByText(`A phone was added to ${SERVICE}.`).waitFor();
    await detail(card, 'Phone')
      .getByText(/\+1 902-555-0142 ext\. 7 — Hamper line/)
      .waitFor();
  });

  it('a reload shows the new hours and phone, and so does the directory', async () => {
    await pat.reload();
    const card = hamperCard(pat);
    await card.waitFor();
    expect(await detail(card, 'Hours').innerText()).toMatch(/08:30–16:30/);
    expect(await detail(card, 'Phone').innerText()).toContain('+1 902-555-0142 ext. 7 — Hamper line');

    const hit = await searchDirectory(pat);
    expect(await detail(hit, 'Hours').innerText()).toMatch(/08:30–16:30/);
    expect(await detail(hit, 'Phone').innerText()).toContain('+1 902-555-0142 ext. 7');
    expect(await detail(hit, 'Hours').innerText()).not.toEqual((story.directoryHours ?? []).join('\n'));
  });

  it('the page passes axe with the hours and phone editors and a place’s editor open', async () => {
    const card = await openOrganization(pat);
    await card.getByRole('button', { name: `Hours of ${SERVICE}` }).click();
    await card
      .getByRole('button', { name: /^Change the hours .* at / })
      .first()
      .click();
    await card.getByRole('button', { name: `Phones of ${SERVICE}` }).click();
    await card.getByRole('button', { name: `Add a phone to ${SERVICE}` }).click();
    const place = pat.locator('li.place').first();
    await place.getByRole('button', { name: /^Edit / }).click();
    await place.getByRole('heading', { name: 'Phones' }).waitFor();
    await place.getByRole('button', { name: /^Add a phone to / }).waitFor();
    expect(lines(await place.innerText()).some((l) => /^Hours of .* here$/.test(l))).toBe(true);
    await checkPage(pat, 'partner-hours-editors-open');
    await pat.close();
  });
});
