/**
 * Appointments through the gateway, with every subgraph real: a partner
 * visit checked against the referrals subgraph, and the calendar feed — a
 * secret address fetched with no bearer token, answered as iCalendar that
 * names nobody, dead at once when rotated, and shown only to its owner.
 */
import ICAL from 'ical.js';
import { errorCodes } from '@caseflow/testing';
import { startTestStack, type TestStack } from './harness';

const DAY = 86_400_000;

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ production: true });
});
afterAll(() => stack?.stop());

const ROTATE = 'mutation { rotateCalendarFeed }';
const FEED_URL = 'query($id: ID!) { me { id calendarFeedUrl } staffMember(id: $id) { id calendarFeedUrl } }';

/** GET on the gateway, with nothing but the path (a calendar app sends no token). */
const fetchFeed = (address: string) => fetch(new URL(new URL(address).pathname, stack.gatewayBaseUrl));

const SCHEDULE = `mutation($input: ScheduleAppointmentInput!) {
  scheduleAppointment(input: $input) { id status referral { id status } client { id } } }`;

describe('appointments through the gateway', () => {
  it('schedules a partner visit for an accepted referral of the client, asking the referrals subgraph, and refuses a declined one', async () => {
    const casey = stack.staff('casey').id;
    const open = (status: string) =>
      stack.world.referrals.find(
        (r) =>
          r.status === status && r.referredById === casey && stack.world.clients.find((c) => c.id === r.clientId)?.caseManagerId === casey,
      );
    const accepted = open('ACCEPTED') ?? open('IN_PROGRESS');
    const declined = open('DECLINED');
    expect(accepted && declined).toBeTruthy();
    const startsAt = new Date(Date.now() + 300 * DAY);
    const input = (referralId: string, clientId: string) => ({
      clientId,
      kind: 'PARTNER_VISIT',
      referralId,
      purpose: 'First visit at the partner',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      allowOverlap: true,
    });
    const before = (await stack.sql<{ n: string }>('SELECT count(*) AS n FROM clients.appointment'))[0].n;
    const refused = await stack.as('casey', SCHEDULE, { input: input(declined!.id, declined!.clientId) });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect((await stack.sql<{ n: string }>('SELECT count(*) AS n FROM clients.appointment'))[0].n).toBe(before);
    const ok = await stack.as<{ scheduleAppointment: { status: string; referral: { id: string; status: string } } }>('casey', SCHEDULE, {
      input: input(accepted!.id, accepted!.clientId),
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.scheduleAppointment).toMatchObject({ status: 'SCHEDULED', referral: { id: accepted!.id, status: accepted!.status } });
  });
});

describe('the calendar feed', () => {
  it("serves the staff member's appointments as iCalendar, with initials and no names, and never cached", async () => {
    const rotated = await stack.as<{ rotateCalendarFeed: string }>('casey', ROTATE);
    expect(rotated.errors).toBeUndefined();
    const address = rotated.data!.rotateCalendarFeed;
    expect(address).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    const response = await fetchFeed(address);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(response.headers.get('cache-control')).toBe('no-store, private');
    const text = await response.text();

    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const casey = stack.staff('casey').id;
    const expected = await stack.sql<{ id: string }>(
      'SELECT id FROM clients.appointment WHERE staff_member_id = $1 AND ends_at > $2 AND starts_at < $3',
      [casey, new Date(Date.now() - 30 * DAY), new Date(Date.now() + 180 * DAY)],
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(events.map((e) => e.uid).sort()).toEqual(expected.map((a) => `${a.id}@caseflow`).sort());
    for (const event of events) {
      expect(event.summary).toMatch(/· [A-Z]\.[A-Z]\.$/);
      expect(String(event.component.getFirstPropertyValue('url'))).toMatch(/\/clients\/[0-9a-f-]{36}$/);
    }
    for (const client of stack.world.clients) {
      for (const name of [client.firstName, client.lastName, client.preferredName].filter((n): n is string => !!n && n.length > 2)) {
        expect({ name, found: text.includes(name) }).toEqual({ name, found: false });
      }
    }
  });

  it('stops answering the old address the moment the feed is rotated, with a bare 404', async () => {
    const old = (await stack.as<{ rotateCalendarFeed: string }>('jordan', ROTATE)).data!.rotateCalendarFeed;
    expect((await fetchFeed(old)).status).toBe(200);
    const fresh = (await stack.as<{ rotateCalendarFeed: string }>('jordan', ROTATE)).data!.rotateCalendarFeed;
    expect(fresh).not.toBe(old);
    const gone = await fetchFeed(old);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toBe('');
    expect((await fetchFeed(fresh)).status).toBe(200);
    const made = await fetchFeed(`http://x/calendar/${'A'.repeat(43)}.ics`);
    expect(made.status).toBe(404);
    expect(await made.text()).toBe('');
  });

  it("shows the address to its owner only; another staff member's is null", async () => {
    const own = (await stack.as<{ rotateCalendarFeed: string }>('sam', ROTATE)).data!.rotateCalendarFeed;
    const sam = stack.staff('sam').id;
    const mine = await stack.as<{ me: { calendarFeedUrl: string | null } }>('sam', FEED_URL, { id: sam });
    expect(mine.data!.me.calendarFeedUrl).toBe(own);
    const others = await stack.as<{ staffMember: { calendarFeedUrl: string | null } }>('casey', FEED_URL, { id: sam });
    expect(others.errors).toBeUndefined();
    expect(others.data!.staffMember.calendarFeedUrl).toBeNull();
    expect((await stack.as<{ rotateCalendarFeed: string }>('pat', ROTATE)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
