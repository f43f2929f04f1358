/**
 * Long words in a real browser, against the whole platform with the demo
 * data: casey writes a 5,000-character note without a space on one of her
 * clients; the notes page does not scroll sideways on a laptop (1280 px) or
 * a phone (390 px), the note starts collapsed, "Show more" shows it all and
 * "Show less" folds it again. Every wait is on something the page shows.
 */
import type { Page } from 'playwright-core';
import { checkPage, fitsWidth, signIn } from './browser';
import { addPhoneNote, openFirstClientNotes } from './client-file';
import { browserSession } from './session';

const session = browserSession();
let casey: Page;
const story: { notesUrl?: string } = {};
const WORD = 'x'.repeat(5000);

/** The page's width beside the window's, and the texts reaching past the window, so a failure says what overflows. */
async function widths(page: Page): Promise<{ page: number; window: number; past: string[] }> {
  return page.evaluate(() => {
    interface TextNode {
      textContent: string | null;
      parentElement: { tagName: string; className: string } | null;
    }
    const g = globalThis as unknown as {
      document: {
        documentElement: { scrollWidth: number };
        body: unknown;
        createTreeWalker(root: unknown, show: number): { nextNode(): TextNode | null };
        createRange(): { selectNodeContents(n: TextNode): void; getBoundingClientRect(): { right: number } };
      };
      innerWidth: number;
    };
    const past: string[] = [];
    const walker = g.document.createTreeWalker(g.document.body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let text = walker.nextNode(); text && past.length < 8; text = walker.nextNode()) {
      const range = g.document.createRange();
      range.selectNodeContents(text);
      const right = range.getBoundingClientRect().right;
      if (right > g.innerWidth)
        past.push(
          `${text.parentElement?.tagName.toLowerCase()}.${text.parentElement?.className}: “${String(text.textContent).slice(0, 40)}” to ${right} px`,
        );
    }
    return { page: g.document.documentElement.scrollWidth, window: g.innerWidth, past };
  });
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { page: width, window, past } = await widths(page);
  expect({ width, past: width > window ? past : [] }).toEqual({ width: Math.min(width, window), past: [] });
  expect(await fitsWidth(page)).toBe(true);
}

/** The note article holding the long word, and its toggle. */
function longNote(page: Page) {
  const note = page.locator('ol.notes > li').filter({ has: page.getByRole('button', { name: /^Show (more|less) of the note/ }) });
  return { note, body: note.locator('p.note-body').first(), toggle: note.getByRole('button', { name: /^Show (more|less) of the note/ }) };
}

async function showMoreAndLess(page: Page): Promise<void> {
  const { body, toggle } = longNote(page);
  await toggle.waitFor();
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  expect(await toggle.textContent()).toMatch(/^Show more/);
  const collapsed = (await body.textContent()) as string;
  expect(collapsed.length).toBeLessThan(1000);
  expect(collapsed.endsWith('…')).toBe(true);

  await toggle.click();
  await page.getByRole('button', { name: /^Show less of the note/ }).waitFor();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  expect(await body.textContent()).toBe(WORD);
  await expectNoSidewaysScroll(page);

  await toggle.click();
  await page.getByRole('button', { name: /^Show more of the note/ }).waitFor();
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  expect(await body.textContent()).toBe(collapsed);
}

describe('long words in a browser', () => {
  it('casey writes a 5,000-character note without a space, and the notes page still fits a laptop', async () => {
    casey = await signIn(session.browser, session.env.url, 'Casey Morgan');
    await openFirstClientNotes(casey);
    story.notesUrl = casey.url();
    await addPhoneNote(casey, WORD);

    await casey.reload();
    await casey.locator('ol.notes > li', { hasText: 'x'.repeat(100) }).waitFor();
    await expectNoSidewaysScroll(casey);
    await showMoreAndLess(casey);
    await checkPage(casey, 'long-text-01-notes-laptop');
  });

  it('on a 390 px phone the notes page does not scroll sideways either, collapsed or expanded', async () => {
    await casey.setViewportSize({ width: 390, height: 844 });
    await casey.goto(story.notesUrl as string);
    await casey.locator('ol.notes > li', { hasText: 'x'.repeat(100) }).waitFor();
    await expectNoSidewaysScroll(casey);
    await showMoreAndLess(casey);
    await checkPage(casey, 'long-text-02-notes-phone');
    await casey.setViewportSize({ width: 1280, height: 900 });
  });
});
