/**
 * The client record in depth in a real browser, against the whole platform
 * with the demo data: casey reads her client's address and household, adds a
 * household member and a language; opens a client at intake with no fixed
 * address; uploads a PDF with the progress bar,
 * downloads the same bytes and has a disguised executable refused; attaches
 * a consent's signed form; sam adds
 * Jordan to the case team with a last day and removes him with a reason,
 * reads the client's audit trail, and transfers one of Casey's clients to
 * Jordan. Every wait is on something the page shows; dates are relative to
 * today on the agency's clock.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { HARBOUR_TIME_ZONE } from '@caseflow/clients-seed';
import { addDays, localDay } from '@caseflow/core';
import { checkPage, fitsWidth, signIn } from './browser';
import { browserSession } from './session';

const session = browserSession();
let casey: Page;
let sam: Page;
const story: { client?: string; clientPath?: string } = {};

/** A small real PDF (the type is decided from the content: it starts with %PDF-). */
const PDF = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n'),
);

/** The demo agency's today plus `days`, as YYYY-MM-DD. */
const agencyDay = (days: number): string => addDays(localDay(new Date(), HARBOUR_TIME_ZONE), days);

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Parts of the client file' }).getByRole('link', { name }).click();
}

describe('the client record in a browser', () => {
  it('casey reads where her client lives and who with, adds a household member and a language', async () => {
    casey = await signIn(session.browser, session.env.url, 'Casey Morgan');
    await casey.getByRole('heading', { name: 'My caseload' }).waitFor();
    const first = casey.locator('table.caseload tbody tr').first().getByRole('link');
    story.client = (await first.textContent())?.trim();
    await first.click();
    await casey.getByRole('heading', { level: 1, name: story.client }).waitFor();
    story.clientPath = new URL(casey.url()).pathname;

    await tab(casey, 'Home and household');
    await casey.getByRole('heading', { name: 'Address' }).waitFor();
    await casey.getByText('Halifax', { exact: false }).first().waitFor();
    await casey.getByRole('button', { name: 'Edit the household' }).click();
    const household = casey.getByRole('form', { name: 'Household' });
    await household.getByRole('button', { name: 'Add a household member' }).click();
    const added = household.getByRole('group', { name: /^New household member/ });
    await added.getByLabel(/^First name/).fill('Robin');
    await added.getByLabel(/^Date of birth/).fill(agencyDay(1));
    await household.getByRole('button', { name: 'Save the household' }).click();
    await added.getByText('Choose the relationship.').waitFor();
    await added.getByText('The date of birth must be in the past.').waitFor();
    await added.getByLabel(/^Relationship/).selectOption('SIBLING');
    await added.getByLabel(/^Date of birth/).fill(agencyDay(-9000));
    await household.getByRole('button', { name: 'Save the household' }).click();
    await casey.getByRole('rowheader', { name: 'Robin' }).waitFor();

    await casey.getByRole('button', { name: 'Edit what the client told us' }).click();
    const about = casey.getByRole('form', { name: 'About the client' });
    await about.getByLabel(/^Add a language/).fill('pt-br');
    await about.getByRole('button', { name: 'Add', exact: true }).click();
    await about.getByRole('button', { name: 'Save' }).click();
    await casey.locator('dl.details dd', { hasText: '(pt-BR)' }).waitFor();
    await casey.reload();
    await casey.getByRole('rowheader', { name: 'Robin' }).waitFor();
    await casey.locator('dl.details dd', { hasText: '(pt-BR)' }).waitFor();
    await checkPage(casey, 'record-01-home-and-household');
  });

  it('casey opens a client at intake and records where they can be reached, with no fixed address', async () => {
    await casey.getByRole('link', { name: 'New intake' }).click();
    await casey.getByRole('heading', { level: 1, name: 'New intake' }).waitFor();
    await casey.getByLabel(/^First name/).fill('Morgan');
    await casey.getByLabel(/^Last name/).fill('Ashgrove');
    await casey.getByLabel(/^Date of birth/).fill(agencyDay(-12000));
    await casey.getByLabel(/^Preferred contact method/).selectOption('IN_PERSON');
    await casey.getByRole('button', { name: 'Open the client' }).click();
    await casey.getByRole('heading', { name: '2. Eligibility' }).waitFor();
    await casey.getByRole('button', { name: 'Skip this step for now' }).click();
    await casey.getByRole('heading', { name: '3. Home, household and languages' }).waitFor();
    const address = casey.getByRole('form', { name: 'Address' });
    await address.getByLabel('No fixed address').check();
    await address.getByLabel(/^Where to reach the client/).fill('Care of Harbour Drop-in Centre, 40 Wharf Street');
    await address.getByLabel(/^City/).fill('Halifax');
    await address.getByRole('button', { name: 'Save the address' }).click();
    await casey.getByText('Saved: the address.').waitFor();
    await checkPage(casey, 'record-00-intake-home');
    await casey.getByRole('button', { name: 'Continue to the needs assessment' }).click();
    await casey.getByRole('heading', { name: '4. Needs assessment' }).waitFor();
    await casey.goto(`${session.env.url}${new URL(casey.url()).pathname.replace('/intake/', '/clients/')}?tab=home`);
    await casey.getByText('No fixed address. Where to reach the client:').waitFor();
    await casey.getByText('Care of Harbour Drop-in Centre, 40 Wharf Street, Halifax, CA').waitFor();
  });

  it('casey uploads a PDF with progress, downloads the same bytes, and a disguised executable is refused', async () => {
    await casey.goto(`${session.env.url}${story.clientPath}`);
    await casey.getByRole('heading', { level: 1, name: story.client }).waitFor();
    await tab(casey, 'Documents');
    await casey.getByRole('heading', { name: 'Documents' }).waitFor();
    await casey.getByRole('button', { name: 'Upload a document' }).click();
    const form = casey.getByRole('form', { name: 'Upload a document' });
    await form.getByLabel(/^Kind/).selectOption('IDENTIFICATION');
    await form.getByLabel(/^File/).setInputFiles({ name: 'health-card.pdf', mimeType: 'application/pdf', buffer: PDF });
    await form.getByLabel(/^Title/).fill('Health card');
    await form.getByRole('button', { name: 'Upload' }).click();
    await casey.getByText('“Health card” was uploaded.').waitFor();
    const row = casey.locator('table.documents tbody tr').filter({ hasText: 'Health card' });
    await row.getByText(`PDF, ${PDF.length} B`).waitFor();
    await row.getByText('by Casey Morgan').waitFor();

    const downloading = casey.waitForEvent('download');
    await row.getByRole('button', { name: 'Download Health card' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Health card.pdf');
    expect(readFileSync((await download.path()) as string).equals(PDF)).toBe(true);

    await casey.getByRole('button', { name: 'Upload a document' }).click();
    const again = casey.getByRole('form', { name: 'Upload a document' });
    await again.getByLabel(/^Kind/).selectOption('OTHER');
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512, 0x90)]);
    await again.getByLabel(/^File/).setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: exe });
    await again.getByLabel(/^Title/).fill('Disguised program');
    await again.getByRole('button', { name: 'Upload' }).click();
    await again.getByText('Only PDF, PNG and JPEG files can be uploaded; this file is none of them.').waitFor();
    expect(await again.getByLabel(/^File/).getAttribute('aria-invalid')).toBe('true');
    expect(await casey.locator('table.documents tbody tr').filter({ hasText: 'Disguised program' }).count()).toBe(0);
    await checkPage(casey, 'record-02-documents');

    await casey.setViewportSize({ width: 820, height: 1180 });
    await casey.locator('table.documents tbody tr').first().waitFor();
    expect(await fitsWidth(casey)).toBe(true);
    await checkPage(casey, 'record-02-documents-tablet');
    await casey.setViewportSize({ width: 1280, height: 900 });
  });

  it('casey records a consent and attaches its signed form, which the documents then list with the consent', async () => {
    await tab(casey, 'Consents');
    await casey.getByRole('button', { name: 'Record a consent' }).click();
    await casey.getByLabel('Find in the directory').fill('Northside');
    await casey.getByRole('button', { name: 'Find' }).click();
    await casey.getByRole('radio', { name: 'Northside Food Bank' }).check();
    await casey.getByLabel(/^Purpose/).fill('Release for the housing search');
    await casey.getByRole('button', { name: 'Record the consent' }).click();
    await casey.getByText('The consent was recorded.').waitFor();
    const consent = casey.locator('table.consents tbody tr').filter({ hasText: 'Release for the housing search' });
    await consent.getByRole('button', { name: 'Attach the signed form of the consent to Northside Food Bank' }).click();
    const form = consent.getByRole('form', { name: 'Attach the signed form' });
    await form.getByLabel(/^File/).setInputFiles({ name: 'signed-release.pdf', mimeType: 'application/pdf', buffer: PDF });
    await form.getByLabel(/^Title/).fill('Signed housing release');
    await form.getByRole('button', { name: 'Attach the signed form' }).click();
    await casey.getByText('The signed form of the consent to Northside Food Bank was attached.').waitFor();
    await consent.getByRole('button', { name: 'Open Signed housing release' }).waitFor();
    await checkPage(casey, 'record-02b-consent-signed-form');

    await tab(casey, 'Documents');
    const row = casey.locator('table.documents tbody tr').filter({ hasText: 'Signed housing release' });
    await row.getByText('Signed form of the consent to Northside Food Bank').waitFor();
    await row.getByText('Signed consent', { exact: true }).waitFor();
  });

  it('sam adds Jordan to the case team with a last day, then removes him with a reason', async () => {
    sam = await signIn(session.browser, session.env.url, 'Sam Okafor');
    await sam.goto(`${session.env.url}${story.clientPath}?tab=team`);
    await sam.getByRole('heading', { name: 'Case team' }).waitFor();
    await sam.getByRole('button', { name: 'Add a team member' }).click();
    const form = sam.getByRole('form', { name: 'Add a team member' });
    const picker = form.getByLabel(/^Staff member/);
    await picker.locator('option', { hasText: 'Jordan Lee' }).waitFor({ state: 'attached' });
    await picker.selectOption({ label: 'Jordan Lee (Case manager)' });
    await form.getByLabel(/^Role/).selectOption('SPECIALIST');
    await form.getByLabel(/^Until/).fill(agencyDay(30));
    await form.getByRole('button', { name: 'Add to the team' }).click();
    await sam.getByText('Jordan Lee joined the case team.').waitFor();
    const row = sam.locator('table.case-team tbody tr').filter({ hasText: 'Jordan Lee' });
    await row.getByText('Specialist').waitFor();
    await row.getByText('by Sam Okafor').waitFor();
    await checkPage(sam, 'record-03-case-team');

    await row.getByRole('button', { name: 'Remove Jordan Lee' }).click();
    const remove = sam.getByRole('form', { name: 'Remove Jordan Lee' });
    await remove.getByLabel(/^Why they leave the team/).fill('The specialist assessment is done');
    await remove.getByRole('button', { name: 'Remove from the team' }).click();
    await sam.getByText('Jordan Lee was removed from the case team; their access ended.').waitFor();
    await sam.locator('table.case-team tbody tr').filter({ hasText: 'Jordan Lee' }).waitFor({ state: 'detached' });
  });

  it('sam reads the client’s audit trail from the client file; casey has no such link', async () => {
    await sam.goto(`${session.env.url}${story.clientPath}`);
    await sam.getByRole('link', { name: 'Audit trail' }).click();
    await sam.getByRole('heading', { level: 1, name: `Audit trail: ${story.client}` }).waitFor();
    const rows = sam.locator('table.audit-trail tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    await sam.locator('table.audit-trail').getByText('Sam Okafor').first().waitFor();
    await checkPage(sam, 'record-04-audit-trail');

    await casey.goto(`${session.env.url}${story.clientPath}`);
    await casey.getByRole('heading', { level: 1, name: story.client }).waitFor();
    expect(await casey.getByRole('link', { name: 'Audit trail' }).count()).toBe(0);
  });

  it('sam transfers the client from Casey to Jordan after a confirmation, and the file says so', async () => {
    await sam.getByRole('link', { name: 'Transfers' }).click();
    await sam.getByRole('heading', { level: 1, name: 'Transfer clients' }).waitFor();
    const from = sam.getByLabel(/^From case manager/);
    await from.locator('option', { hasText: 'Casey Morgan' }).waitFor({ state: 'attached' });
    await from.selectOption({ label: 'Casey Morgan' });
    await sam.getByLabel(/^To case manager/).selectOption({ label: 'Jordan Lee' });
    const clients = sam.getByRole('group', { name: 'Clients to move' });
    await clients.getByLabel(new RegExp(`^${story.client} \\(`)).check();
    await sam.getByLabel(/^Reason/).fill('Casey is on leave for a month');
    await sam.getByRole('button', { name: 'Transfer', exact: true }).click();
    await sam.getByText('Move 1 client from Casey Morgan to Jordan Lee?').waitFor();
    await checkPage(sam, 'record-05-transfer');
    await sam.getByRole('button', { name: 'Confirm the transfer' }).click();
    await sam.getByText(/1 client moved to Jordan Lee/).waitFor();
    await sam.getByRole('link', { name: story.client }).click();
    await sam.getByRole('heading', { level: 1, name: story.client }).waitFor();
    await sam.getByText(/Case manager:\s*Jordan Lee/).waitFor();
  });
});
