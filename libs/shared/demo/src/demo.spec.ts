import { DEMO_STAFF, EASTSIDE_ID, NORTHSIDE_ID, demoId, demoStaff, demoStaffByEmail, demoWorld } from './index';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('demo ids', () => {
  it('are stable UUIDs, distinct per kind and key', () => {
    expect(demoId('client', 1)).toBe(demoId('client', 1));
    expect(demoId('client', 1)).toMatch(uuid);
    expect(demoId('client', 1)).not.toBe(demoId('plan', 1));
  });
});

describe('the demo roster', () => {
  it('has the named staff of the product specification, one per role at least', () => {
    expect(DEMO_STAFF.map((s) => `${s.email} ${s.role}`)).toEqual([
      'casey@demo.caseflow CASE_MANAGER',
      'jordan@demo.caseflow CASE_MANAGER',
      'sam@demo.caseflow SUPERVISOR',
      'pat@demo.caseflow PARTNER',
      'robin@demo.caseflow PARTNER',
      'alex@demo.caseflow ANALYST',
      'admin@demo.caseflow ADMIN',
    ]);
    expect(demoStaff('pat').organizationId).toBe(NORTHSIDE_ID);
    expect(demoStaff('robin').organizationId).toBe(EASTSIDE_ID);
    expect(demoStaffByEmail(' Casey@Demo.Caseflow ')?.id).toBe(demoStaff('casey').id);
    expect(demoStaffByEmail('nobody@demo.caseflow')).toBeUndefined();
  });
});

describe('the demo world', () => {
  const today = new Date('2026-11-23T12:00:00Z');
  const world = demoWorld(today);

  it('is the same for the same day', () => {
    expect(JSON.stringify(demoWorld(today))).toBe(JSON.stringify(world));
  });

  it('gives casey and jordan at least 20 clients each, in every status', () => {
    for (const key of ['casey', 'jordan'] as const) {
      const mine = world.clients.filter((c) => c.caseManagerId === demoStaff(key).id);
      expect(mine.length).toBeGreaterThanOrEqual(20);
      expect(new Set(mine.map((c) => c.status))).toEqual(new Set(['INTAKE', 'ACTIVE', 'ON_HOLD', 'CLOSED']));
    }
  });

  it('has referrals in every status, to Northside and to Eastside, each with a history that ends in its status', () => {
    expect(new Set(world.referrals.map((r) => r.status))).toEqual(
      new Set(['DRAFT', 'SENT', 'ACCEPTED', 'DECLINED', 'WAITLISTED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'EXPIRED']),
    );
    expect(new Set(world.referrals.map((r) => r.organizationId))).toEqual(new Set([NORTHSIDE_ID, EASTSIDE_ID]));
    for (const r of world.referrals) expect(r.events[r.events.length - 1].status).toBe(r.status);
  });

  it('gives every record a unique id and points only at records it has', () => {
    const ids = [...world.clients, ...world.plans, ...world.referrals, ...world.services, ...world.organizations, ...world.locations].map(
      (r) => r.id,
    );
    expect(new Set(ids).size).toBe(ids.length);
    const clientIds = new Set(world.clients.map((c) => c.id));
    const serviceIds = new Set(world.services.map((s) => s.id));
    expect(world.plans.every((p) => clientIds.has(p.clientId))).toBe(true);
    expect(world.referrals.every((r) => clientIds.has(r.clientId) && serviceIds.has(r.serviceId))).toBe(true);
  });
});
