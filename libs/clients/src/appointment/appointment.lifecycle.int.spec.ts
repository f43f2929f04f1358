import { FakePeerServer, type GraphQLResponse, errorCodes } from '@caseflow/testing';
import { startClientsTestbed, type ClientsTestbed } from '../testing/testbed';
import { recordAppointmentsSoon } from './appointment.job';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Far from the demo's appointments (last and next week): each test takes its own day. */
let nextDay = 200;
const slot = (startHours = 10, lengthHours = 1) => {
  const day = Math.floor((Date.now() + nextDay++ * DAY) / DAY) * DAY;
  return {
    startsAt: new Date(day + startHours * HOUR).toISOString(),
    endsAt: new Date(day + (startHours + lengthHours) * HOUR).toISOString(),
  };
};

const FIELDS =
  'id kind status startsAt endsAt place purpose version statusReason client { id } staffMember { id } referral { id } createdBy { id }';
const SCHEDULE = `mutation($input: ScheduleAppointmentInput!) { scheduleAppointment(input: $input) { ${FIELDS} } }`;
const RESCHEDULE = `mutation($input: RescheduleAppointmentInput!) { rescheduleAppointment(input: $input) { ${FIELDS} } }`;
const CANCEL = `mutation($id: ID!, $v: Int!, $reason: String!) { cancelAppointment(appointmentId: $id, expectedVersion: $v, reason: $reason) { ${FIELDS} } }`;
const ATTEND = `mutation($id: ID!, $v: Int!, $outcome: AttendanceOutcome!, $note: String) {
  recordAttendance(appointmentId: $id, expectedVersion: $v, outcome: $outcome, note: $note) { ${FIELDS} } }`;
const MINE = `query($from: DateTime!, $to: DateTime!) { myAppointments(from: $from, to: $to) { totalCount edges { node { id } } } }`;
const CLIENT_APPOINTMENTS = `query($id: ID!, $first: Int, $after: String) { client(id: $id) {
  recentNoShows appointments(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id startsAt } } } } }`;

interface ClientPage {
  client: {
    appointments: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: { id: string; startsAt: string } }> };
  };
}

interface Appt {
  id: string;
  status: string;
  version: number;
  startsAt: string;
  statusReason: string | null;
  referral: { id: string } | null;
}

const referralPeer = new FakePeerServer();
const referrals = new Map<string, { status: string; clientId: string }>();
let tb: ClientsTestbed;
beforeAll(async () => {
  referralPeer.handler = (_request, response, _attempt, received) => {
    const { variables } = JSON.parse(received.body) as { variables: { r: Array<{ id: string }> } };
    const entities = variables.r.map((r) => {
      const found = referrals.get(r.id);
      return found ? { id: r.id, status: found.status, client: { id: found.clientId } } : null;
    });
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ data: { _entities: entities } }));
  };
  tb = await startClientsTestbed(new Date(), { referrals: await referralPeer.start() });
});
afterAll(async () => {
  await tb?.stop();
  await referralPeer.stop();
});

const caseyClient = (i = 0) => tb.world.clients.filter((c) => c.caseManagerId === tb.staff('casey').id && c.status === 'ACTIVE')[i];
const appointments = () => tb.count('appointment');
const outbox = (id: string) =>
  tb.sql<{ type: string; sequence: number; payload: Record<string, unknown> }>(
    `SELECT type, sequence, payload FROM clients.outbox_event WHERE aggregate_type = 'Appointment' AND aggregate_id = $1 ORDER BY sequence`,
    [id],
  );

async function schedule(key: Parameters<ClientsTestbed['as']>[0], input: Record<string, unknown>) {
  return tb.as<{ scheduleAppointment: Appt }>(key, SCHEDULE, {
    input: { kind: 'IN_PERSON', purpose: 'Review the job search plan', ...input },
  });
}

describe('scheduling', () => {
  it('schedules for a client of the case manager, with the caller as the staff member, audited and told as an event', async () => {
    const client = caseyClient();
    const res = await schedule('casey', { clientId: client.id, place: 'Room 2', ...slot() });
    expect(res.errors).toBeUndefined();
    const a = res.data!.scheduleAppointment;
    expect(a).toMatchObject({
      status: 'SCHEDULED',
      version: 1,
      place: 'Room 2',
      client: { id: client.id },
      staffMember: { id: tb.staff('casey').id },
    });
    expect(await tb.count('audit_event', `action = 'CREATE' AND entity_type = 'Appointment' AND entity_id = $1`, [a.id])).toBe(1);
    const events = await outbox(a.id);
    expect(events.map((e) => e.type)).toEqual(['appointment.scheduled']);
    expect(events[0].payload).toMatchObject({
      appointmentId: a.id,
      clientId: client.id,
      staffMemberId: tb.staff('casey').id,
      kind: 'IN_PERSON',
    });
    expect(JSON.stringify(events[0].payload)).not.toContain('Room 2');
  });

  it('refuses an overlap with the staff member’s other appointment as CONFLICT naming it, unless allowOverlap', async () => {
    const when = slot(9, 2);
    const first = (await schedule('casey', { clientId: caseyClient(0).id, ...when })).data!.scheduleAppointment;
    const before = await appointments();
    const later = {
      startsAt: new Date(Date.parse(when.startsAt) + HOUR).toISOString(),
      endsAt: new Date(Date.parse(when.endsAt) + HOUR).toISOString(),
    };
    const refused = await schedule('casey', { clientId: caseyClient(1).id, ...later });
    expect(errorCodes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors![0].message).toContain(first.id);
    expect(await appointments()).toBe(before);
    const allowed = await schedule('casey', { clientId: caseyClient(1).id, ...later, allowOverlap: true });
    expect(allowed.errors).toBeUndefined();
    expect(await appointments()).toBe(before + 1);
  });

  it("refuses an overlap with the client's appointment with another staff member", async () => {
    const when = slot();
    const first = (await schedule('casey', { clientId: caseyClient(2).id, ...when })).data!.scheduleAppointment;
    const refused = await schedule('sam', { clientId: caseyClient(2).id, ...when });
    expect(errorCodes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors![0].message).toContain(first.id);
  });

  it('refuses another case manager, partners and analysts, and changes nothing', async () => {
    const before = await appointments();
    for (const key of ['jordan', 'pat', 'alex'] as const) {
      expect(errorCodes(await schedule(key, { clientId: caseyClient().id, ...slot() }))).toEqual(['FORBIDDEN']);
    }
    expect(await appointments()).toBe(before);
  });

  it.each([
    ['ends before it starts', (s: { startsAt: string }) => ({ startsAt: s.startsAt, endsAt: s.startsAt }), 'input.endsAt'],
    [
      'lasts more than 8 hours',
      (s: { startsAt: string }) => ({ startsAt: s.startsAt, endsAt: new Date(Date.parse(s.startsAt) + 9 * HOUR).toISOString() }),
      'input.endsAt',
    ],
    [
      'starts more than two years ahead',
      () => ({ startsAt: new Date(Date.now() + 800 * DAY).toISOString(), endsAt: new Date(Date.now() + 800 * DAY + HOUR).toISOString() }),
      'input.startsAt',
    ],
    [
      'started more than an hour ago',
      () => ({ startsAt: new Date(Date.now() - 2 * HOUR).toISOString(), endsAt: new Date(Date.now() - HOUR).toISOString() }),
      'input.startsAt',
    ],
  ])('refuses an appointment that %s as BAD_USER_INPUT naming the field, and changes nothing', async (_name, when, field) => {
    const before = await appointments();
    const outboxBefore = await tb.count('outbox_event');
    const res = await schedule('casey', { clientId: caseyClient().id, ...when(slot()) });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions?.field).toBe(field);
    expect(await appointments()).toBe(before);
    expect(await tb.count('outbox_event')).toBe(outboxBefore);
  });

  it('refuses an empty purpose and a PARTNER_VISIT without a referral', async () => {
    const res = await schedule('casey', { clientId: caseyClient().id, purpose: '  ', ...slot() });
    expect(res.errors![0].extensions?.field).toBe('input.purpose');
    const visit = await schedule('casey', { clientId: caseyClient().id, kind: 'PARTNER_VISIT', ...slot() });
    expect(visit.errors![0].extensions?.field).toBe('input.referralId');
  });

  it('schedules a PARTNER_VISIT for an accepted referral of the client only', async () => {
    const client = caseyClient(3);
    const accepted = '11111111-1111-4111-8111-111111111111';
    const declined = '22222222-2222-4222-8222-222222222222';
    const otherClients = '33333333-3333-4333-8333-333333333333';
    referrals.set(accepted, { status: 'ACCEPTED', clientId: client.id });
    referrals.set(declined, { status: 'DECLINED', clientId: client.id });
    referrals.set(otherClients, { status: 'IN_PROGRESS', clientId: caseyClient(4).id });
    const before = await appointments();
    for (const referralId of [declined, otherClients]) {
      const res = await schedule('casey', { clientId: client.id, kind: 'PARTNER_VISIT', referralId, ...slot() });
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].extensions?.field).toBe('input.referralId');
    }
    expect(await appointments()).toBe(before);
    const asked = referralPeer.received.length;
    const jordans = await schedule('jordan', { clientId: client.id, kind: 'PARTNER_VISIT', referralId: accepted, ...slot() });
    expect(errorCodes(jordans)).toEqual(['FORBIDDEN']);
    expect(referralPeer.received.length).toBe(asked);
    const ok = await schedule('casey', { clientId: client.id, kind: 'PARTNER_VISIT', referralId: accepted, ...slot() });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.scheduleAppointment.referral).toEqual({ id: accepted });
  });

  it('answers a retry with the same clientMutationId with the same appointment, and another input with CONFLICT', async () => {
    const input = { clientId: caseyClient().id, clientMutationId: 'appt-retry-1', ...slot() };
    const first = (await schedule('casey', input)).data!.scheduleAppointment;
    const again = await schedule('casey', input);
    expect(again.data!.scheduleAppointment.id).toBe(first.id);
    expect(await tb.count('appointment', 'client_mutation_id = $1', ['appt-retry-1'])).toBe(1);
    expect(errorCodes(await schedule('casey', { ...input, purpose: 'Something else' }))).toEqual(['CONFLICT']);
  });
});

describe('changing an appointment', () => {
  const scheduled = async () => (await schedule('casey', { clientId: caseyClient(5).id, ...slot() })).data!.scheduleAppointment;

  it('reschedules with a reason and the version read; a stale version is CONFLICT and changes nothing', async () => {
    const a = await scheduled();
    const to = slot(14);
    const noReason = await tb.as('casey', RESCHEDULE, { input: { appointmentId: a.id, expectedVersion: 1, reason: '', ...to } });
    expect(noReason.errors![0].extensions?.field).toBe('input.reason');
    const moved = await tb.as<{ rescheduleAppointment: Appt }>('casey', RESCHEDULE, {
      input: { appointmentId: a.id, expectedVersion: 1, reason: 'Client asked for the afternoon', ...to },
    });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.rescheduleAppointment).toMatchObject({
      version: 2,
      startsAt: to.startsAt,
      statusReason: 'Client asked for the afternoon',
    });
    const stale = await tb.as('casey', RESCHEDULE, { input: { appointmentId: a.id, expectedVersion: 1, reason: 'Again', ...slot() } });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const [row] = await tb.sql<{ version: number; starts_at: Date }>('SELECT version, starts_at FROM clients.appointment WHERE id = $1', [
      a.id,
    ]);
    expect(row.version).toBe(2);
    expect(row.starts_at.toISOString()).toBe(to.startsAt);
    expect((await outbox(a.id)).map((e) => [e.type, e.sequence])).toEqual([
      ['appointment.scheduled', 1],
      ['appointment.rescheduled', 2],
    ]);
  });

  it('refuses a reschedule into a bad window, onto another appointment, or by another case manager, and changes nothing', async () => {
    const a = await scheduled();
    const other = await scheduled();
    const input = (when: Record<string, string>) => ({ input: { appointmentId: a.id, expectedVersion: 1, reason: 'Moved', ...when } });
    const bad = await tb.as('casey', RESCHEDULE, input({ startsAt: other.startsAt, endsAt: other.startsAt }));
    expect(bad.errors![0].extensions?.field).toBe('input.endsAt');
    const onto = await tb.as(
      'casey',
      RESCHEDULE,
      input({ startsAt: other.startsAt, endsAt: new Date(Date.parse(other.startsAt) + HOUR).toISOString() }),
    );
    expect(errorCodes(onto)).toEqual(['CONFLICT']);
    expect(onto.errors![0].message).toContain(other.id);
    expect(errorCodes(await tb.as('jordan', RESCHEDULE, input(slot())))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await tb.as('jordan', ATTEND, { id: a.id, v: 1, outcome: 'ATTENDED' }))).toEqual(['FORBIDDEN']);
    const [row] = await tb.sql<{ version: number; starts_at: Date; status: string }>(
      'SELECT version, starts_at, status FROM clients.appointment WHERE id = $1',
      [a.id],
    );
    expect(row).toEqual({ version: 1, starts_at: new Date(a.startsAt), status: 'SCHEDULED' });
    expect((await outbox(a.id)).map((e) => e.type)).toEqual(['appointment.scheduled']);
  });

  it('cancels with a reason; another case manager is FORBIDDEN; a cancelled one cannot be cancelled again', async () => {
    const a = await scheduled();
    expect((await tb.as('casey', CANCEL, { id: a.id, v: 1, reason: ' ' })).errors![0].extensions?.field).toBe('reason');
    expect(errorCodes(await tb.as('jordan', CANCEL, { id: a.id, v: 1, reason: 'Not mine' }))).toEqual(['FORBIDDEN']);
    const cancelled = await tb.as<{ cancelAppointment: Appt }>('casey', CANCEL, { id: a.id, v: 1, reason: 'Client is unwell' });
    expect(cancelled.data!.cancelAppointment).toMatchObject({ status: 'CANCELLED', version: 2, statusReason: 'Client is unwell' });
    expect(errorCodes(await tb.as('casey', CANCEL, { id: a.id, v: 2, reason: 'Again' }))).toEqual(['INVALID_TRANSITION']);
    expect((await outbox(a.id)).at(-1)).toMatchObject({ type: 'appointment.cancelled', payload: { reason: 'Client is unwell' } });
  });

  it('refuses attendance before the start, and records a no-show after it, counted in recentNoShows', async () => {
    const future = await scheduled();
    expect(errorCodes(await tb.as('casey', ATTEND, { id: future.id, v: 1, outcome: 'ATTENDED' }))).toEqual(['INVALID_TRANSITION']);
    expect(await tb.count('appointment', `id = $1 AND status = 'SCHEDULED' AND version = 1`, [future.id])).toBe(1);

    const client = caseyClient(6);
    const noShowsBefore = (await tb.as<{ client: { recentNoShows: number } }>('casey', CLIENT_APPOINTMENTS, { id: client.id })).data!.client
      .recentNoShows;
    const started = (
      await schedule('casey', {
        clientId: client.id,
        startsAt: new Date(Date.now() - 30 * 60_000).toISOString(),
        endsAt: new Date(Date.now() + 30 * 60_000).toISOString(),
        allowOverlap: true,
      })
    ).data!.scheduleAppointment;
    const missed = await tb.as<{ recordAttendance: Appt }>('casey', ATTEND, {
      id: started.id,
      v: 1,
      outcome: 'NO_SHOW',
      note: 'No answer at the door',
    });
    expect(missed.data!.recordAttendance).toMatchObject({ status: 'NO_SHOW', version: 2 });
    expect((await outbox(started.id)).at(-1)?.type).toBe('appointment.missed');
    const after = await tb.as<{ client: { recentNoShows: number } }>('casey', CLIENT_APPOINTMENTS, { id: client.id });
    expect(after.data!.client.recentNoShows).toBe(noShowsBefore + 1);
  });
});

describe('reading appointments', () => {
  it("lists the client's appointments soonest upcoming first, then past ones, page by page", async () => {
    const client = caseyClient(7);
    const later = slot();
    const sooner = { startsAt: new Date(Date.now() + 2 * HOUR).toISOString(), endsAt: new Date(Date.now() + 3 * HOUR).toISOString() };
    const past = { startsAt: new Date(Date.now() - 50 * 60_000).toISOString(), endsAt: new Date(Date.now() - 10 * 60_000).toISOString() };
    for (const when of [later, past, sooner]) await schedule('casey', { clientId: client.id, ...when, allowOverlap: true });
    const ids: string[] = [];
    const starts: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: GraphQLResponse<ClientPage> = await tb.as<ClientPage>('casey', CLIENT_APPOINTMENTS, { id: client.id, first: 1, after });
      const connection = page.data!.client.appointments;
      ids.push(...connection.edges.map((e) => e.node.id));
      starts.push(...connection.edges.map((e) => e.node.startsAt));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    const mine = starts.filter((s) => [later.startsAt, past.startsAt, sooner.startsAt].includes(s));
    expect(mine).toEqual([sooner.startsAt, later.startsAt, past.startsAt]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(errorCodes(await tb.as('jordan', CLIENT_APPOINTMENTS, { id: client.id }))).toContain('FORBIDDEN');
  });

  it('answers myAppointments for a window of at most 92 days and refuses a longer one', async () => {
    const when = slot();
    const a = (await schedule('casey', { clientId: caseyClient().id, ...when })).data!.scheduleAppointment;
    const from = new Date(Date.parse(when.startsAt) - DAY).toISOString();
    const res = await tb.as<{ myAppointments: { edges: Array<{ node: { id: string } }> } }>('casey', MINE, {
      from,
      to: new Date(Date.parse(from) + 92 * DAY).toISOString(),
    });
    expect(res.data!.myAppointments.edges.map((e) => e.node.id)).toContain(a.id);
    const jordans = await tb.as<{ myAppointments: { edges: Array<{ node: { id: string } }> } }>('jordan', MINE, { from, to: when.endsAt });
    expect(jordans.data!.myAppointments.edges.map((e) => e.node.id)).not.toContain(a.id);
    const tooLong = await tb.as('casey', MINE, { from, to: new Date(Date.parse(from) + 93 * DAY).toISOString() });
    expect(errorCodes(tooLong)).toEqual(['BAD_USER_INPUT']);
    expect(tooLong.errors![0].extensions?.field).toBe('to');
  });

  it('hides an appointment from another case manager', async () => {
    const a = (await schedule('casey', { clientId: caseyClient().id, ...slot() })).data!.scheduleAppointment;
    expect(errorCodes(await tb.as('jordan', `query($id: ID!) { appointment(id: $id) { id } }`, { id: a.id }))).toEqual(['FORBIDDEN']);
    const sams = await tb.as<{ appointment: { id: string } }>('sam', `query($id: ID!) { appointment(id: $id) { id } }`, { id: a.id });
    expect(sams.data!.appointment.id).toBe(a.id);
  });
});

describe('appointment.soon', () => {
  it('is recorded once per appointment starting within 24 hours, however often the job runs', async () => {
    const soon = (
      await schedule('casey', {
        clientId: caseyClient(8).id,
        startsAt: new Date(Date.now() + 5 * HOUR).toISOString(),
        endsAt: new Date(Date.now() + 6 * HOUR).toISOString(),
        allowOverlap: true,
      })
    ).data!.scheduleAppointment;
    const later = (await schedule('casey', { clientId: caseyClient(8).id, ...slot() })).data!.scheduleAppointment;
    const dataSource = tb.t.subgraph.database.dataSource;
    await recordAppointmentsSoon(dataSource);
    await recordAppointmentsSoon(dataSource);
    expect((await outbox(soon.id)).filter((e) => e.type === 'appointment.soon')).toHaveLength(1);
    expect((await outbox(later.id)).filter((e) => e.type === 'appointment.soon')).toHaveLength(0);
  });
});
