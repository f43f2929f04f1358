/**
 * Outcomes and sign-off in a real browser, against the whole platform with
 * the demo data: casey records her client's agreement to the active plan and
 * the caseload stops marking it; she records a second assessment with a
 * barrier resolved and the client file shows the distance travelled; sam
 * turns on closure approval for the agency, casey requests a closure, sam
 * approves it from the queue and the case is closed; sam exports the client's
 * record as a FHIR Bundle. Every wait is on something the page shows.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { checkPage, signIn } from './browser';
import { browserSession } from './session';

const session = browserSession();
let casey: Page;
let sam: Page;
const story: { client?: string; clientPath?: string; closing?: string; closingPath?: string } = {};

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Parts of the client file' }).getByRole('link', { name }).click();
}

function caseloadRow(page: Page, name: string) {
  return page.locator('table.caseload tbody tr').filter({ has: page.getByRole('link', { name, exact: true }) });
}

describe('outcomes and sign-off in a browser', () => {
  it('casey records her client’s agreement to the plan, and the caseload stops marking it', async () => {
    casey = await signIn(session.browser, session.env.url, 'Casey Morgan');
    await casey.getByRole('heading', { name: 'My caseload' }).waitFor();
    const awaiting = casey.locator('table.caseload tbody tr').filter({ hasText: 'Awaiting agreement' }).first();
    const link = awaiting.getByRole('link').first();
    story.client = (await link.textContent())?.trim();
    await link.click();
    await casey.getByRole('heading', { level: 1, name: story.client }).waitFor();
    story.clientPath = new URL(casey.url()).pathname;

    await tab(casey, 'Action plan');
    const plan = casey.locator('article.plan-active');
    await plan.getByText(/The client has not agreed to version \d+ of this plan yet\./).waitFor();
    await plan.getByRole('button', { name: "Record the client's agreement" }).click();
    const form = plan.getByRole('form', { name: "Record the client's agreement" });
    await form.getByLabel(/^How the client agreed/).selectOption('VERBAL');
    await form.getByLabel(/^Note/).fill('Went through every goal by phone');
    await form.getByRole('button', { name: 'Record the agreement' }).click();
    await casey.getByText(/The client's agreement to version \d+ of the plan was recorded\./).waitFor();
    await plan.getByText(/The client agreed to version \d+ on .*agreed verbally.*recorded by Casey Morgan\./).waitFor();
    await plan.getByText('Agreements (1)').waitFor();

    await casey.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click();
    const row = caseloadRow(casey, story.client as string);
    await row.waitFor();
    expect(await row.getByText('Awaiting agreement').count()).toBe(0);
  });

  it('casey records a second assessment with a barrier resolved, and the client file shows the distance travelled', async () => {
    await casey.goto(`${session.env.url}${story.clientPath}?tab=distance`);
    await casey.getByRole('heading', { name: 'Distance travelled' }).waitFor();
    await tab(casey, 'Assessment');
    await casey.getByRole('button', { name: 'New assessment' }).click();
    const barrier = casey.locator('.assessment-form .characteristic.is-barrier').first();
    const characteristic = (await barrier.locator('legend').first().textContent())?.trim() as string;
    // The plan to compensate goes with a barrier only: it is cleared before the rating changes.
    await barrier.getByLabel(/^Plan to compensate: how/).fill('');
    await barrier.getByLabel(/^By when/).fill('');
    await barrier.getByLabel(/^Who helps/).fill('');
    await barrier.getByLabel('Asset', { exact: true }).check();
    await casey.getByRole('button', { name: 'Record the assessment' }).click();
    await casey.getByRole('button', { name: 'New assessment' }).waitFor();

    await tab(casey, 'Distance travelled');
    await casey.getByText(/\d+ barriers? resolved, \d+ new barriers? since the first assessment\./).waitFor();
    const resolved = casey.getByRole('row').filter({ has: casey.getByRole('rowheader', { name: characteristic, exact: true }) });
    await resolved.getByText('Barrier resolved').waitFor();
    expect(await resolved.getByRole('cell').allTextContents()).toEqual(['Barrier', 'Asset', 'Barrier resolved']);
    await checkPage(casey, 'signoff-01-distance');
  });

  it('with approval turned on, casey requests a closure and sam approves it from the queue', async () => {
    sam = await signIn(session.browser, session.env.url, 'Sam Okafor');
    await sam.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Closures' }).click();
    await sam.getByRole('heading', { level: 1, name: 'Closures' }).waitFor();
    const toggle = sam.getByLabel(/need a supervisor's approval to close a case/);
    await toggle.check();
    await sam.getByText('Closures now need a supervisor’s approval.').waitFor();

    await casey.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click();
    await casey.getByRole('heading', { name: 'My caseload' }).waitFor();
    const other = casey
      .locator('table.caseload tbody tr')
      .filter({ hasText: 'Active' })
      .filter({ hasNot: casey.getByRole('link', { name: story.client as string, exact: true }) })
      .first()
      .getByRole('link')
      .first();
    story.closing = (await other.textContent())?.trim();
    await other.click();
    await casey.getByRole('heading', { level: 1, name: story.closing }).waitFor();
    story.closingPath = new URL(casey.url()).pathname;
    await casey.reload();
    await casey.getByRole('heading', { name: 'Case status' }).waitFor();
    await casey.getByRole('button', { name: 'Request closure' }).click();
    expect(await casey.getByRole('button', { name: 'Close the case' }).count()).toBe(0);
    const form = casey.getByRole('form', { name: 'Request closure' });
    await form.getByLabel(/^Outcome/).selectOption('EMPLOYED');
    await form.getByLabel(/^Recommended next steps/).fill('Check in after three months');
    await form.getByLabel(/^Why the case can close/).fill('Started full-time work at the port');
    await form.getByRole('button', { name: 'Request closure' }).click();
    const request = casey.getByRole('note', { name: 'Closure request' });
    await request.getByText('Closure requested, awaiting a supervisor.').waitFor();
    await request.getByRole('button', { name: 'Withdraw the request' }).waitFor();

    await sam.reload();
    const item = sam.getByRole('listitem', { name: `Closure of ${story.closing}` });
    await item.getByText('Started full-time work at the port').waitFor();
    await checkPage(sam, 'signoff-02-closure-queue');
    await item.getByLabel(/^Note/).fill('Agreed, well done');
    await item.getByRole('button', { name: `Approve the closure of ${story.closing}` }).click();
    await sam.getByText(`The closure of ${story.closing} was approved; the case is closed.`).waitFor();

    await casey.reload();
    await casey.getByText(/The case is closed\./).waitFor();
    await casey.getByRole('button', { name: 'Re-open the case' }).waitFor();
  });

  it('sam exports the client’s record as a FHIR Bundle', async () => {
    await sam.goto(`${session.env.url}${story.clientPath}`);
    await sam.getByRole('heading', { level: 1, name: story.client }).waitFor();
    const downloading = sam.waitForEvent('download');
    await sam.getByRole('button', { name: 'Export (FHIR)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^caseflow-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.fhir\.json$/);
    const bundle = JSON.parse(readFileSync((await download.path()) as string, 'utf8')) as {
      resourceType: string;
      entry?: Array<{ resource?: { resourceType?: string; id?: string } }>;
    };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.entry?.some((e) => e.resource?.resourceType === 'Patient')).toBe(true);

    // A case manager has no such action.
    await casey.goto(`${session.env.url}${story.clientPath}`);
    await casey.getByRole('heading', { level: 1, name: story.client }).waitFor();
    expect(await casey.getByRole('button', { name: 'Export (FHIR)' }).count()).toBe(0);
  });
});
