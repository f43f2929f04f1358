/**
 * A client file on paper, in a real browser against the whole platform with
 * the demo data: casey writes a long case note (collapsed on screen), opens
 * the new-note form, and prints the notes page (print media emulated, then a
 * PDF): navigation, buttons and forms are left off, the collapsed note prints
 * whole, black on white. Every wait is on something the page shows.
 */
import type { Page } from 'playwright-core';
import { checkPage, screenshot, signIn } from './browser';
import { addPhoneNote, openFirstClientNotes } from './client-file';
import { browserSession } from './session';

const session = browserSession();
let casey: Page;
const ENDING = 'She signed the release form at the end of the meeting.';
const NOTE = `${'Met the client at the drop-in and went over the job search plan together. '.repeat(12)}${ENDING}`;

/** Controls and navigation the page displays in the current media. */
function shownControls(page: Page) {
  return page.locator('nav:visible, form:visible, button:visible, input:visible, select:visible, textarea:visible, a.button:visible');
}

/** The computed text colour and background of an element, and of the page's body. */
async function colours(page: Page, selector: string): Promise<{ text: string; body: string; bodyText: string }> {
  return page.evaluate((sel) => {
    interface Styled {
      color: string;
      backgroundColor: string;
    }
    const g = globalThis as unknown as {
      document: { body: unknown; querySelector(s: string): unknown };
      getComputedStyle(e: unknown): Styled;
    };
    const body = g.getComputedStyle(g.document.body);
    return { text: g.getComputedStyle(g.document.querySelector(sel)).color, body: body.backgroundColor, bodyText: body.color };
  }, selector);
}

describe('a client file on paper', () => {
  it('casey’s long note is collapsed on screen, with the navigation and the note form shown', async () => {
    casey = await signIn(session.browser, session.env.url, 'Casey Morgan');
    await openFirstClientNotes(casey);
    await addPhoneNote(casey, NOTE);

    await casey.reload();
    await casey
      .getByRole('button', { name: /^Show more of the note/ })
      .first()
      .waitFor();
    await casey.getByRole('button', { name: 'Add a case note' }).click();
    await casey.getByLabel(/^Note/).waitFor();
    expect(await casey.getByText(ENDING).isVisible()).toBe(false);
    expect(await casey.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
    expect(await shownControls(casey).count()).toBeGreaterThan(5);
    await checkPage(casey, 'print-01-notes-screen');
  });

  it('printed, the page leaves off navigation, buttons and forms, and shows the collapsed note whole, black on white', async () => {
    await casey.emulateMedia({ media: 'print' });
    expect(await shownControls(casey).count()).toBe(0);
    expect(await casey.locator('nav').count()).toBeGreaterThan(0);
    expect(await casey.locator('form').count()).toBeGreaterThan(0);
    const whole = casey.locator('p.note-body:visible', { hasText: ENDING });
    expect(await whole.count()).toBe(1);
    expect(await whole.textContent()).toBe(NOTE);
    expect(await casey.getByRole('heading', { name: 'Case notes' }).isVisible()).toBe(true);
    expect(await colours(casey, 'p.note-body.print-only')).toEqual({
      text: 'rgb(0, 0, 0)',
      body: 'rgb(255, 255, 255)',
      bodyText: 'rgb(0, 0, 0)',
    });

    await screenshot(casey, 'print-02-notes-printed');
    const pdf = await casey.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(2000);

    await casey.emulateMedia({ media: 'screen' });
    expect(await casey.getByText(ENDING).isVisible()).toBe(false);
    expect(await casey.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
    await casey.close();
  });
});
