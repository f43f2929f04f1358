/**
 * A referral's service names provided by the referrals subgraph (issue #15):
 * through the gateway, the caseload's referrals carry their service's and
 * organization's names without the resources subgraph being asked, and the
 * answer is the one the directory gives.
 */
import type { IncomingMessage } from 'node:http';
import { SERVICE_NAMES_PATH } from '@caseflow/auth';
import { createLogger } from '@caseflow/core';
import { serviceNamesFor } from '@caseflow/referrals';
import { operation } from './contract';
import { startTestStack, type TestStack } from './harness';

let stack: TestStack;
const resourcesRequests: string[] = [];
const countResources = (request: IncomingMessage) => {
  resourcesRequests.push(request.url ?? '');
};

beforeAll(async () => {
  stack = await startTestStack();
  stack.subgraphs.resources.subgraph.http.server.on('request', countResources);
});
afterAll(() => stack?.stop());

const CASELOAD = operation('caseload', 'Caseload');
const SERVICE_QUERY = 'query($id: ID!) { service(id: $id) { id name organization { id name } } }';

interface Referral {
  id: string;
  service: { id: string; name: string; organization: { id: string; name: string } } | null;
}
interface Caseload {
  myCaseload: { edges: Array<{ node: { id: string; referrals: Referral[] | null } }> };
}

/** The referrals process's names, as its context finds them (the same resources address and secret). */
const names = () =>
  serviceNamesFor({
    databaseUrl: '',
    internalSecret: stack.internalSecret,
    logger: createLogger('referrals', 'silent'),
    peerUrls: { resources: stack.subgraphs.resources.baseUrl },
  })!;

async function caseload(): Promise<{ referrals: Referral[]; resourcesAsked: string[] }> {
  const before = resourcesRequests.length;
  const res = await stack.as<Caseload>('casey', CASELOAD, { first: 25 });
  expect(res.errors).toBeUndefined();
  const referrals = res.data!.myCaseload.edges.flatMap((e) => e.node.referrals ?? []);
  return { referrals, resourcesAsked: resourcesRequests.slice(before) };
}

describe("the caseload's referrals with the names the referrals subgraph provides", () => {
  it('asks the resources subgraph nothing once the names are read, and gives the names the directory gives', async () => {
    await names().refresh();
    expect(resourcesRequests.filter((url) => url === SERVICE_NAMES_PATH).length).toBeGreaterThan(0);
    const [{ n }] = await stack.sql<{ n: number }>('SELECT count(*)::int AS n FROM resources.service');
    expect(names().size).toBe(n);

    const { referrals, resourcesAsked } = await caseload();
    expect(referrals.length).toBeGreaterThan(0);
    expect(resourcesAsked).toEqual([]);

    // Each service as the directory itself answers it.
    for (const referral of referrals) {
      const direct = await stack.as<{ service: Referral['service'] }>('casey', SERVICE_QUERY, { id: referral.service!.id });
      expect(referral.service).toEqual(direct.data!.service);
    }
  });

  it('follows a rename in the directory once the names are read again', async () => {
    const { referrals } = await caseload();
    const service = referrals[0].service!;
    const [{ name }] = await stack.sql<{ name: string }>('SELECT name FROM resources.service WHERE id = $1', [service.id]);
    await stack.sql('UPDATE resources.service SET name = $2 WHERE id = $1', [service.id, `${name} (renamed)`]);
    try {
      await names().refresh();
      const after = await caseload();
      expect(after.resourcesAsked).toEqual([]);
      const renamed = after.referrals.filter((r) => r.service?.id === service.id);
      expect(renamed.length).toBeGreaterThan(0);
      for (const r of renamed) expect(r.service!.name).toBe(`${name} (renamed)`);
    } finally {
      await stack.sql('UPDATE resources.service SET name = $2 WHERE id = $1', [service.id, name]);
    }
  });
});
