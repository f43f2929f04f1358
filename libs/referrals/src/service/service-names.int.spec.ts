import { createLogger } from '@caseflow/core';
import { demoStaff } from '@caseflow/demo';
import { errorCodes } from '@caseflow/testing';
import type { SeededReferral } from '@caseflow/referrals-seed';
import { type ReferralsTest, startReferralsTest } from '../testing/testbed';
import { serviceNamesFor } from './service-names';

let bed: ReferralsTest;
const casey = demoStaff('casey');
const WITH_NAMES = 'query($id: ID!) { referral(id: $id) { id service { id name organization { id name } } } }';
const ID_ONLY = 'query($id: ID!) { referral(id: $id) { id service { id } } }';

/** The names the referrals subgraph keeps for its resources peer (the one its context uses). */
const names = () =>
  serviceNamesFor({
    databaseUrl: '',
    internalSecret: bed.t.secret,
    logger: createLogger('referrals', 'silent'),
    peerUrls: { resources: bed.resourcesUrl },
  })!;

const caseysReferral = (): SeededReferral => bed.seeded.find((r) => r.referredById === casey.id) as SeededReferral;

/** The service of the world that `referral` points at, as a referral provides it. */
function expectedService(referral: SeededReferral, rename: { name?: string; organizationName?: string } = {}) {
  const service = bed.world.services.find((s) => s.id === referral.serviceId)!;
  const organization = bed.world.organizations.find((o) => o.id === service.organizationId)!;
  return {
    id: service.id,
    name: rename.name ?? service.name,
    organization: { id: organization.id, name: rename.organizationName ?? organization.name },
  };
}

beforeAll(async () => {
  bed = await startReferralsTest();
});

afterAll(async () => {
  await bed.stop();
});

beforeEach(() => bed.resetPeers());

describe("a referral's service with the names this subgraph provides", () => {
  it('asks the directory for the names per request until the names are read whole, then answers from them', async () => {
    const referral = caseysReferral();
    // Before any read (the route is not there): the directory's _entities answers, one round trip.
    const asked = await bed.as('casey', WITH_NAMES, { id: referral.id });
    expect(asked.errors).toBeUndefined();
    expect(asked.data).toEqual({ referral: { id: referral.id, service: expectedService(referral) } });
    expect(bed.directory.batches).toEqual([[referral.serviceId]]);

    bed.directory.servesNames = true;
    await names().refresh();
    expect(bed.directory.namesReads).toBe(1);
    expect(names().size).toBe(bed.world.services.length);

    bed.directory.reset();
    const provided = await bed.as('casey', WITH_NAMES, { id: referral.id });
    expect(provided.errors).toBeUndefined();
    expect(provided.data).toEqual(asked.data);
    // Nothing asked of the directory, and no new read of the names within their refresh period.
    expect(bed.directory.calls).toBe(0);
    expect(bed.directory.namesReads).toBe(0);
  });

  it('asks the directory only for a service the names do not hold, and shows a renamed service once the names are read again', async () => {
    const referral = caseysReferral();
    bed.directory.servesNames = true;
    bed.directory.leftOutOfNames.add(referral.serviceId);
    await names().refresh();
    const leftOut = await bed.as('casey', WITH_NAMES, { id: referral.id });
    expect(leftOut.data).toEqual({ referral: { id: referral.id, service: expectedService(referral) } });
    expect(bed.directory.batches).toEqual([[referral.serviceId]]);

    bed.directory.leftOutOfNames.clear();
    const organizationId = expectedService(referral).organization.id;
    bed.directory.overrides.set(referral.serviceId, {
      name: 'Pantry, renamed',
      organization: { id: organizationId, name: 'Agency, renamed' },
    });
    await names().refresh();
    bed.directory.batches.length = 0;
    const renamed = await bed.as('casey', WITH_NAMES, { id: referral.id });
    expect(renamed.data).toEqual({
      referral: { id: referral.id, service: expectedService(referral, { name: 'Pantry, renamed', organizationName: 'Agency, renamed' }) },
    });
    expect(bed.directory.batches).toEqual([]);
  });

  it('gives a service the directory does not know as null, without an error, as the gateway did', async () => {
    const referral = caseysReferral();
    bed.directory.servesNames = true;
    bed.directory.leftOutOfNames.add(referral.serviceId);
    await names().refresh();
    const before = await bed.query<{ service_id: string }>('SELECT service_id FROM referrals.referral WHERE id = $1', [referral.id]);
    const unknown = '00000000-0000-4000-8000-000000000999';
    await bed.query('UPDATE referrals.referral SET service_id = $2 WHERE id = $1', [referral.id, unknown]);
    try {
      const res = await bed.as('casey', WITH_NAMES, { id: referral.id });
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ referral: { id: referral.id, service: null } });
      expect(bed.directory.batches).toEqual([[unknown]]);
    } finally {
      await bed.query('UPDATE referrals.referral SET service_id = $2 WHERE id = $1', [referral.id, before[0].service_id]);
    }
  });

  it('looks nothing up for a service asked by id alone', async () => {
    const referral = caseysReferral();
    const res = await bed.as('casey', ID_ONLY, { id: referral.id });
    expect(res.data).toEqual({ referral: { id: referral.id, service: { id: referral.serviceId } } });
    expect(bed.directory.calls).toBe(0);
  });

  it('is UNAVAILABLE on the service when neither the names nor the directory can answer, and the rest of the referral is given', async () => {
    const referral = caseysReferral();
    bed.directory.servesNames = true;
    bed.directory.leftOutOfNames.add(referral.serviceId);
    await names().refresh();
    bed.directory.down = true;
    const res = await bed.as('casey', WITH_NAMES, { id: referral.id });
    expect(errorCodes(res)).toEqual(['UNAVAILABLE']);
    expect(res.data).toEqual({ referral: { id: referral.id, service: null } });
  });
});
