/**
 * Headless Chromium (Debian's package) driven by playwright-core, with a
 * fresh profile. Each signed-in person gets their own page: the dashboard
 * keeps its session in the tab's sessionStorage, so pages do not share one.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium was not found at ${CHROMIUM}: install Debian's chromium package (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  const profile = mkdtempSync(join(tmpdir(), 'caseflow-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    locale: 'en-CA',
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Browser errors a page logs; a test asserts there are none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** Signs in through the demo sign-in page as the named staff member, on a new page. */
export async function signIn(browser: Browser, baseUrl: string, displayName: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${baseUrl}/`);
  await page.getByRole('heading', { name: 'Sign in to Caseflow' }).waitFor();
  await page.getByRole('button', { name: new RegExp(`^${displayName}`) }).click();
  await page.getByRole('banner').getByText(displayName).waitFor();
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

// The functions below run in the page, where `window` and `document` exist; this file is compiled for Node.
interface PageGlobals {
  axe?: { run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }> };
  document: { documentElement: { scrollWidth: number } };
  innerWidth: number;
}

/**
 * axe-core's WCAG 2.1 A and AA rules on the page as it is; the serious and
 * critical violations. axe is evaluated through the browser's debugging
 * protocol: the page's Content-Security-Policy refuses inline script tags.
 */
export async function seriousViolations(
  page: Page,
): Promise<Array<{ rule: string; impact: string | null; help: string; targets: string[] }>> {
  if (!(await page.evaluate(() => Boolean((globalThis as unknown as PageGlobals).axe)))) await page.evaluate(`${AXE_SOURCE}\n;undefined`);
  const violations = await page.evaluate(async () => {
    const g = globalThis as unknown as PageGlobals;
    const result = await (g.axe as NonNullable<PageGlobals['axe']>).run(g.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/** Photographs the page into the artifacts and expects no serious or critical WCAG 2.1 AA violation on it. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect({ page: name, violations: await seriousViolations(page) }).toEqual({ page: name, violations: [] });
}

/** Whether the page fits the window's width (nothing to scroll sideways). */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    return g.document.documentElement.scrollWidth <= g.innerWidth;
  });
}
