import { Client } from 'pg';
import { demoStaff, demoWorld } from '@caseflow/demo';
import { createTestDatabase } from '@caseflow/testing';
import { isSeeded, seedDemo } from './seed';

const TABLES = [
  'clients.staff_member',
  'clients.client',
  'clients.consent',
  'plans.action_plan',
  'plans.goal',
  'referrals.referral',
  'referrals.referral_event',
  'resources.organization',
  'resources.service',
  'resources.taxonomy_term',
  'notifications.notification',
];

async function counts(url: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result: Record<string, number> = {};
    for (const table of TABLES) result[table] = (await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
    return result;
  } finally {
    await client.end();
  }
}

async function sqlRows(url: string, query: string): Promise<Array<Record<string, string>>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(query)).rows;
  } finally {
    await client.end();
  }
}

describe('seeding the demo', () => {
  it('migrates every subgraph, loads the whole demo world, and changes nothing the second time', async () => {
    const url = await createTestDatabase('seed');
    const world = demoWorld(new Date());
    expect(await isSeeded(url)).toBe(false);

    await seedDemo(() => url, world);
    expect(await isSeeded(url)).toBe(true);
    const first = await counts(url);
    // Each subgraph's seed writes at least its part of the world (some add history of their own, e.g. past referrals).
    expect(first['clients.staff_member']).toBe(7);
    expect(first['clients.client']).toBe(world.clients.length);
    const atLeast: Record<string, number> = {
      'plans.action_plan': world.plans.length,
      'referrals.referral': world.referrals.length,
      'referrals.referral_event': world.referrals.reduce((n, r) => n + r.events.length, 0),
      'resources.organization': world.organizations.length,
      'resources.service': world.services.length,
      'resources.taxonomy_term': 250,
    };
    for (const [table, n] of Object.entries(atLeast)) expect({ table, enough: first[table] >= n }).toEqual({ table, enough: true });
    // Casey and Pat each have unread notifications.
    const unread = await sqlRows(
      url,
      "SELECT DISTINCT recipient_id FROM notifications.notification WHERE read_at IS NULL AND created_at <= now() AND created_at > now() - interval '2 days'",
    );
    expect(unread.map((r) => r.recipient_id).sort()).toEqual([demoStaff('casey').id, demoStaff('pat').id].sort());

    await seedDemo(() => url, world);
    expect(await counts(url)).toEqual(first);
  });
});
