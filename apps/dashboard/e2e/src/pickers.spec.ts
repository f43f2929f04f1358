/**
 * The pickers a day of work leans on, in a real browser against the whole
 * platform with the demo data: the consent recipient search finds an
 * organization by the words of its name ("food bank" lists Northside Food
 * Bank) and the consent is recorded to it; a case manager's case team picker
 * offers her colleagues (from `staffMembers`), not only the people who
 * already hold her clients; a supervisor's transfer picker lists the
 * agency's case managers. Every wait is on something the page shows.
 */
import type { Page } from 'playwright-core';
import { checkPage, signIn } from './browser';
import { browserSession } from './session';

const session = browserSession();
let casey: Page;
const story: { clientPath?: string } = {};

function optionsOf(page: Page, label: RegExp): Promise<string[]> {
  return page.getByLabel(label).locator('option').allTextContents();
}

describe('pickers in a browser', () => {
  it('typing "food bank" in the consent recipient search lists Northside Food Bank, and the consent is recorded to it', async () => {
    casey = await signIn(session.browser, session.env.url, 'Casey Morgan');
    await casey.getByRole('heading', { name: 'My caseload' }).waitFor();
    await casey.locator('table.caseload tbody tr').first().getByRole('link').first().click();
    await casey.getByRole('navigation', { name: 'Parts of the client file' }).waitFor();
    story.clientPath = new URL(casey.url()).pathname;

    await casey.goto(`${session.env.url}${story.clientPath}?tab=consents`);
    await casey.getByRole('button', { name: 'Record a consent' }).click();
    await casey.getByLabel('Find in the directory').fill('food bank');
    await casey.getByRole('button', { name: 'Find' }).click();
    const northside = casey.getByRole('radio', { name: 'Northside Food Bank' });
    await northside.waitFor();
    // Only organizations are listed, each once.
    const listed = await casey.locator('.org-picker .choice').allTextContents();
    expect(listed.filter((name) => name.trim() === 'Northside Food Bank')).toHaveLength(1);
    expect(listed.every((name) => /food bank/i.test(name))).toBe(true);
    await checkPage(casey, 'pickers-01-consent-recipient');

    await northside.check();
    await casey.getByLabel(/^Purpose/).fill('Referral for a food hamper');
    await casey.getByRole('button', { name: 'Record the consent' }).click();
    await casey.getByText('The consent was recorded.').waitFor();
    await casey.locator('main').getByText('Northside Food Bank').first().waitFor();
  });

  it('a case manager’s case team picker lists her active colleagues from the agency’s staff', async () => {
    await casey.goto(`${session.env.url}${story.clientPath}?tab=team`);
    await casey.getByRole('button', { name: 'Add a team member' }).click();
    const form = casey.getByRole('form', { name: 'Add a team member' });
    await form.getByRole('option', { name: 'Jordan Lee (Case manager)' }).waitFor({ state: 'attached' });
    // Case managers and supervisors of her agency, without herself (the assigned case manager); no analyst, admin or partner.
    expect(await optionsOf(casey, /^Staff member/)).toEqual(['Choose…', 'Jordan Lee (Case manager)', 'Sam Okafor (Supervisor)']);
    await checkPage(casey, 'pickers-02-case-team-colleagues');

    await form.getByLabel(/^Staff member/).selectOption({ label: 'Jordan Lee (Case manager)' });
    await form.getByLabel(/^Role/).selectOption('SPECIALIST');
    await form.getByRole('button', { name: 'Add to the team' }).click();
    await casey.getByText('Jordan Lee joined the case team.').waitFor();
    await casey.getByRole('rowheader', { name: 'Jordan Lee' }).waitFor();
  });

  it('a supervisor’s transfer picker lists the agency’s case managers', async () => {
    const sam = await signIn(session.browser, session.env.url, 'Sam Okafor');
    await sam.goto(`${session.env.url}/transfers`);
    await sam
      .getByLabel(/^From case manager/)
      .locator('option', { hasText: 'Jordan Lee' })
      .waitFor({ state: 'attached' });
    expect(await optionsOf(sam, /^From case manager/)).toEqual(['Choose…', 'Casey Morgan', 'Jordan Lee']);
  });
});
