/**
 * The case manager's week in a real browser, against the whole platform with
 * the demo data: casey schedules, reschedules, cancels and records
 * attendance from a client's file (an overlap named and accepted), finds the
 * appointment in her week, gets a notification when sam assigns her a
 * client, marks notifications read (the count in the header follows), and
 * sets her notification preferences and calendar address. Every wait is on
 * something the page shows; times are relative to now on the agency's clock.
 */
import type { Page } from 'playwright-core';
import { checkPage, signIn } from './browser';
import { browserSession } from './session';

const session = browserSession();
let casey: Page;
const story: { client?: string; clientPath?: string } = {};
const PURPOSE = 'Practise the interview at the warehouse';

/** The number in the header's "Notifications N unread" link (0 for "none unread"). */
async function unread(page: Page): Promise<number> {
  const link = page.getByRole('banner').getByRole('link', { name: /^Notifications/ });
  await link.filter({ hasText: /unread/ }).waitFor();
  const text = (await link.textContent()) ?? '';
  return /none unread/.test(text) ? 0 : Number(/(\d+) unread/.exec(text)?.[1]);
}

/** Fills a form's start and end, `startMinutes` from now for `length` minutes, on the agency's clock the form names. */
async function fillTimes(page: Page, form: ReturnType<Page['getByRole']>, startMinutes: number, length: number): Promise<void> {
  const hint = (await form.getByText(/^On the agency’s clock/).textContent()) ?? '';
  const zone =
    /\(([^)]+)\)/.exec(hint)?.[1]?.replace(/ /g, '_') ?? (await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone));
  const local = (ms: number) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
        .formatToParts(new Date(ms))
        .map((p) => [p.type, p.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
  };
  const start = Date.now() + startMinutes * 60_000;
  await form.getByLabel(/^Starts/).fill(local(start));
  await form.getByLabel(/^Ends/).fill(local(start + length * 60_000));
}

describe('the case manager’s week in a browser', () => {
  it('casey sees the unread count on her caseload and opens her most urgent client’s appointments', async () => {
    casey = await signIn(session.browser, session.env.url, 'Casey Morgan');
    await casey.getByRole('heading', { name: 'My caseload' }).waitFor();
    expect(await unread(casey)).toBeGreaterThanOrEqual(0);
    const first = casey.locator('table.caseload tbody tr').first().getByRole('link');
    story.client = (await first.textContent())?.trim();
    await first.click();
    await casey.getByRole('heading', { level: 1, name: story.client }).waitFor();
    story.clientPath = new URL(casey.url()).pathname;
    await casey.getByRole('link', { name: 'Appointments' }).click();
    await casey.getByRole('heading', { name: 'Appointments' }).waitFor();
  });

  it('casey schedules an appointment, and a second one over it only after the overlap is named', async () => {
    await casey.getByRole('button', { name: 'Schedule an appointment' }).click();
    let form = casey.getByRole('form', { name: 'Schedule an appointment' });
    await fillTimes(casey, form, 2 * 24 * 60, 60);
    await form.getByLabel(/^Place/).fill('Room 2');
    await form.getByLabel(/^Purpose/).fill(PURPOSE);
    await form.getByRole('button', { name: 'Schedule the appointment' }).click();
    await casey.getByText('The appointment was scheduled.').waitFor();
    const scheduled = casey.locator('li.appointment').filter({ hasText: PURPOSE });
    await scheduled.getByText('Scheduled').waitFor();
    await checkPage(casey, 'week-01-client-appointments');

    await casey.getByRole('button', { name: 'Schedule an appointment' }).click();
    form = casey.getByRole('form', { name: 'Schedule an appointment' });
    await fillTimes(casey, form, 2 * 24 * 60 + 30, 60);
    await form.getByLabel(/^Purpose/).fill('Second meeting, same morning');
    await form.getByRole('button', { name: 'Schedule the appointment' }).click();
    await form.getByRole('alert').waitFor();
    await form.getByRole('button', { name: 'Schedule anyway' }).click();
    await casey.getByText('The appointment was scheduled.').waitFor();
    await casey.locator('li.appointment').filter({ hasText: 'Second meeting, same morning' }).waitFor();
  });

  it('casey reschedules the first with a reason and cancels the second', async () => {
    const first = casey.locator('li.appointment').filter({ hasText: PURPOSE });
    await first.getByRole('button', { name: /^Reschedule/ }).click();
    const form = casey.getByRole('form', { name: 'Reschedule the appointment' });
    await form.getByRole('button', { name: 'Reschedule' }).click();
    await form.getByText('The reason is required.').waitFor();
    await fillTimes(casey, form, 2 * 24 * 60 + 180, 60);
    await form.getByLabel(/^Reason for the change/).fill('The client starts a shift that morning');
    await form.getByRole('button', { name: 'Reschedule' }).click();
    await casey.getByText('The appointment was rescheduled.').waitFor();

    const second = casey.locator('li.appointment').filter({ hasText: 'Second meeting, same morning' });
    await second.getByRole('button', { name: /^Cancel the appointment of/ }).click();
    await casey.getByLabel(/^Reason for cancelling/).fill('Not needed after the reschedule');
    await casey.getByRole('button', { name: 'Cancel the appointment', exact: true }).click();
    await casey.getByText('The appointment was cancelled.').waitFor();
    await second.getByText('Cancelled', { exact: true }).waitFor();
    expect(await second.textContent()).toContain('Not needed after the reschedule');
  });

  it('casey records that the client did not come to one that started half an hour ago', async () => {
    await casey.getByRole('button', { name: 'Schedule an appointment' }).click();
    const form = casey.getByRole('form', { name: 'Schedule an appointment' });
    await fillTimes(casey, form, -30, 45);
    await form.getByLabel(/^Purpose/).fill('Check-in by phone');
    await form.getByLabel('Kind').selectOption('PHONE');
    await form.getByRole('button', { name: 'Schedule the appointment' }).click();
    const started = casey.locator('li.appointment').filter({ hasText: 'Check-in by phone' });
    await started.getByRole('button', { name: 'Did not attend' }).click();
    await casey.getByText('Recorded: the client did not attend.').waitFor();
    await started.getByText('No show').waitFor();
    const future = casey.locator('li.appointment').filter({ hasText: PURPOSE });
    await future.getByText(/Attendance can be recorded from/).waitFor();
  });

  it('casey finds the appointment in her week, on the agency’s clock', async () => {
    await casey.getByRole('link', { name: 'My week' }).click();
    await casey.getByRole('heading', { level: 1, name: 'My week' }).waitFor();
    await casey.locator('[aria-current="date"]').getByText('Today').waitFor();
    await casey.getByText(/appointments? this week\.|No appointments this week\./).waitFor();
    if (!(await casey.getByText(PURPOSE).count())) {
      await casey.getByRole('button', { name: 'Next week' }).click();
      await casey.getByText(PURPOSE).waitFor();
    }
    const item = casey.locator('.week-appointment').filter({ hasText: PURPOSE });
    expect(await item.textContent()).toMatch(/\d{2}:\d{2}–\d{2}:\d{2}.*Scheduled.*In person with/);
    await item.getByRole('link', { name: story.client }).waitFor();
    await checkPage(casey, 'week-02-my-week');
  });

  it('sam assigns casey a client; casey is notified, opens it and marks all read, and the count follows', async () => {
    const before = await unread(casey);
    const sam = await signIn(session.browser, session.env.url, 'Sam Okafor');
    const manager = sam.getByLabel('Case manager');
    await manager.waitFor();
    // Another case manager than Casey, chosen by the option's value (its label may carry the role), once the staff list is in.
    const choices = () =>
      manager
        .locator('option')
        .evaluateAll((all) => all.map((o) => ({ value: (o as unknown as { value: string }).value, text: (o.textContent ?? '').trim() })));
    let other: { value: string; text: string } | undefined;
    for (let i = 0; i < 100 && !other; i += 1) {
      other = (await choices()).find((o) => o.value && o.text && !o.text.includes('Casey Morgan'));
      if (!other) await sam.waitForTimeout(100);
    }
    expect(other).toBeDefined();
    await manager.selectOption(other!.value);
    // The list is asked again for that case manager: read a row only once the answer is in.
    await sam.waitForLoadState('networkidle');
    const first = sam.locator('table.caseload tbody tr').first();
    const name = ((await first.getByRole('link').first().textContent()) ?? '').trim();
    const row = sam.locator('table.caseload tbody tr', { has: sam.getByLabel(`Reassign ${name} to`) });
    const caseyOption = await row.locator('option', { hasText: 'Casey Morgan' }).getAttribute('value');
    await row.getByLabel(`Reassign ${name} to`).selectOption(caseyOption as string);
    await row.getByLabel(`Why ${name} moves (required)`).fill('Casey knows the family.');
    await row.getByRole('button', { name: 'Reassign' }).click();
    await sam.getByText(new RegExp(`${name} is now with Casey Morgan`)).waitFor();
    await sam.close();

    // Delivered through the events: the page asks again when reloaded (and every 30 seconds).
    await casey.goto(`${session.env.url}/notifications`);
    const assigned = casey.locator('li.notification.unread').filter({ hasText: name });
    for (let i = 0; i < 60 && !(await assigned.count()); i += 1) {
      await casey.waitForTimeout(500);
      await casey.reload();
      await casey.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    }
    await assigned.first().waitFor();
    expect(await unread(casey)).toBeGreaterThan(before);
    await checkPage(casey, 'week-03-notifications');

    const count = await unread(casey);
    await assigned
      .first()
      .getByRole('button', { name: /^Mark read/ })
      .click();
    await casey
      .getByRole('banner')
      .getByRole('link', { name: count - 1 ? `Notifications ${count - 1} unread` : 'Notifications none unread' })
      .waitFor();
    await casey.getByRole('button', { name: 'Mark all read' }).click();
    await casey.getByRole('banner').getByRole('link', { name: 'Notifications none unread' }).waitFor();
    // The list is asked again after the change: every item shows read once its answer is in.
    await casey.locator('li.notification.unread').first().waitFor({ state: 'detached' });
    expect(await casey.locator('li.notification.unread').count()).toBe(0);
    const link = casey.locator('li.notification').filter({ hasText: name }).first().getByRole('link');
    await link.click();
    await casey.getByRole('heading', { level: 1, name }).waitFor();
  });

  it('casey sets her notification preferences and replaces her calendar address', async () => {
    await casey.getByRole('banner').getByRole('link', { name: 'Settings' }).click();
    await casey.getByRole('heading', { name: 'How you are told' }).waitFor();
    await casey.getByLabel('Step overdue: by e-mail').check();
    await casey.getByLabel('Step overdue: e-mails as a daily digest').check();
    await casey.getByRole('button', { name: 'Save the notification settings' }).click();
    await casey.getByText('Your notification settings were saved.').waitFor();
    await casey.reload();
    await casey.getByRole('heading', { name: 'How you are told' }).waitFor();
    expect(await casey.getByLabel('Step overdue: by e-mail').isChecked()).toBe(true);
    expect(await casey.getByLabel('Step overdue: e-mails as a daily digest').isChecked()).toBe(true);

    if (!(await casey.getByLabel('Calendar address').count())) {
      await casey.getByRole('button', { name: 'Create a calendar address' }).click();
    }
    const address = casey.getByLabel('Calendar address');
    await address.waitFor();
    const first = await address.inputValue();
    expect(first).toMatch(/\/calendar\/.+\.ics$/);
    await checkPage(casey, 'week-04-settings');
    await casey.getByRole('button', { name: 'Make a new address' }).click();
    await casey.getByRole('button', { name: 'Confirm: make a new address' }).click();
    await casey.getByText('A new calendar address was made; the old one no longer works.').waitFor();
    // The address shown is asked again after the change: wait for the new one.
    let second = await address.inputValue();
    for (let i = 0; i < 50 && second === first; i += 1) {
      await casey.waitForTimeout(100);
      second = await address.inputValue();
    }
    expect(second).not.toBe(first);
    expect(second).toMatch(/\/calendar\/.+\.ics$/);

    // The feed is the gateway's: the new address serves the calendar, the old one no longer does.
    const onGateway = (url: string) => `${session.env.stack.gatewayBaseUrl}${new URL(url).pathname}`;
    const feed = await fetch(onGateway(second));
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = await feed.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).not.toContain(story.client as string);
    expect((await fetch(onGateway(first))).status).toBe(404);
  });
});
