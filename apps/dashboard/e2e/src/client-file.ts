/** Steps in a client file that several browser suites take. */
import type { Page } from 'playwright-core';

/** From the caseload, opens the first client's case notes; answers the client's name. */
export async function openFirstClientNotes(page: Page): Promise<string | undefined> {
  await page.getByRole('heading', { name: 'My caseload' }).waitFor();
  const first = page.locator('table.caseload tbody tr').first().getByRole('link').first();
  const client = (await first.textContent())?.trim();
  await first.click();
  await page.getByRole('heading', { level: 1, name: client }).waitFor();
  await page.getByRole('navigation', { name: 'Parts of the client file' }).getByRole('link', { name: 'Case notes' }).click();
  await page.getByRole('heading', { name: 'Case notes' }).waitFor();
  return client;
}

/** On the notes page, adds a note of a phone call with this text. */
export async function addPhoneNote(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Add a case note' }).click();
  await page.getByLabel(/^Contact/).selectOption('PHONE');
  await page.getByLabel(/^Note/).fill(text);
  await page.getByRole('button', { name: 'Add the note' }).click();
  await page.getByText('The note was added.').waitFor();
}
