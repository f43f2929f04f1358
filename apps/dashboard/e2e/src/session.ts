import { type Browser, launchBrowser, watchErrors } from './browser';
import { type DashboardStack, startDashboardStack } from './stack';

export interface BrowserSession {
  /** The whole platform and the built dashboard, started before the suite's first test. */
  readonly env: DashboardStack;
  /** Headless Chromium, whose every page is watched for console errors and failed requests. */
  readonly browser: Browser;
}

/**
 * A browser suite's setting, declared once: the stack and the browser start
 * before the first test and stop after the last, and every test ends by
 * asserting that no page it opened logged an error.
 */
export function browserSession(): BrowserSession {
  let env: DashboardStack | undefined;
  let browser: Browser | undefined;
  const errors: string[] = [];

  beforeAll(async () => {
    env = await startDashboardStack();
    browser = await launchBrowser();
    browser.context.on('page', (page) => errors.push(...watchErrors(page)));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await env?.stop();
  });

  afterEach(() => {
    expect(errors).toEqual([]);
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} has not started`);
    return value;
  };
  return {
    get env() {
      return started(env, 'dashboard stack');
    },
    get browser() {
      return started(browser, 'browser');
    },
  };
}
