import { readFileSync } from 'node:fs';
import { SUPERGRAPH_FILE, composeSupergraph, subgraphSdls } from '@caseflow/platform';

describe('the supergraph', () => {
  it('composes from the five subgraphs, each speaking Federation 2', async () => {
    const sdls = await subgraphSdls();
    expect(sdls.map((s) => s.name)).toEqual(['clients', 'plans', 'referrals', 'resources', 'notifications']);
    for (const { sdl } of sdls) expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    await expect(composeSupergraph()).resolves.toContain('join__Graph');
  });

  it('committed in apps/gateway is what composition gives today (run `npm run compose` when this fails)', async () => {
    expect(readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(await composeSupergraph());
  });
});
