/**
 * The demo's appointments: for a few of Casey's and Jordan's active clients,
 * one last week (attended, and one missed) and one next week (scheduled),
 * all relative to the world's today. Deterministic ids, safe to run twice.
 */
import type { EntityManager } from 'typeorm';
import { type DemoWorld, demoId, demoStaff } from '@caseflow/demo';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const KINDS = ['IN_PERSON', 'PHONE', 'VIDEO', 'HOME_VISIT'] as const;
const PLACES: Record<(typeof KINDS)[number], string> = {
  IN_PERSON: 'Harbour office, room 2',
  PHONE: 'By phone',
  VIDEO: 'Video call (link sent by text)',
  HOME_VISIT: "At the client's home",
};

export function demoAppointments(world: DemoWorld): Array<Record<string, unknown>> {
  const midnight = Math.floor(world.today.getTime() / DAY) * DAY;
  const rows: Array<Record<string, unknown>> = [];
  for (const key of ['casey', 'jordan'] as const) {
    const staff = demoStaff(key);
    const clients = world.clients.filter((c) => c.caseManagerId === staff.id && c.status === 'ACTIVE').slice(0, 4);
    clients.forEach((client, i) => {
      const kind = KINDS[i % KINDS.length];
      const at = (dayOffset: number) => new Date(midnight + dayOffset * DAY + (15 + i) * HOUR);
      const past = at(-7 + i);
      const missed = key === 'casey' && i === 1;
      rows.push({
        id: demoId('appointment', `${client.id}:last-week`),
        client_id: client.id,
        staff_member_id: staff.id,
        kind,
        status: missed ? 'NO_SHOW' : 'ATTENDED',
        starts_at: past.toISOString(),
        ends_at: new Date(past.getTime() + HOUR).toISOString(),
        place: PLACES[kind],
        purpose: 'Review progress on the action plan',
        status_changed_at: new Date(past.getTime() + HOUR).toISOString(),
        status_changed_by: staff.id,
        status_reason: missed ? 'Did not come; no answer by phone' : null,
        created_by: staff.id,
        created_at: new Date(past.getTime() - 7 * DAY).toISOString(),
        version: 2,
      });
      const next = at(3 + i);
      rows.push({
        id: demoId('appointment', `${client.id}:next-week`),
        client_id: client.id,
        staff_member_id: staff.id,
        kind,
        status: 'SCHEDULED',
        starts_at: next.toISOString(),
        ends_at: new Date(next.getTime() + HOUR).toISOString(),
        place: PLACES[kind],
        purpose: 'Prepare for the job interview',
        status_changed_at: null,
        status_changed_by: null,
        status_reason: null,
        created_by: staff.id,
        created_at: past.toISOString(),
        version: 1,
      });
    });
  }
  return rows;
}

/** Inserts the demo's appointments (existing ids are skipped). */
export async function seedAppointments(tx: EntityManager, world: DemoWorld): Promise<void> {
  await tx.query(
    `INSERT INTO clients.appointment (id, client_id, staff_member_id, kind, status, starts_at, ends_at, place, purpose,
       status_changed_at, status_changed_by, status_reason, created_by, created_at, version)
     SELECT id, client_id, staff_member_id, kind, status, starts_at, ends_at, place, purpose,
       status_changed_at, status_changed_by, status_reason, created_by, created_at, version
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, client_id uuid, staff_member_id uuid, kind text, status text,
         starts_at timestamptz, ends_at timestamptz, place text, purpose text, status_changed_at timestamptz,
         status_changed_by uuid, status_reason text, created_by uuid, created_at timestamptz, version int)
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(demoAppointments(world))],
  );
}
