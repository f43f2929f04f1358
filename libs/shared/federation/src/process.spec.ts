import { configProblemsOf } from '@caseflow/testing';
import { loadSubgraphConfig } from './process';

const required = { DATABASE_URL: 'postgres://runtime@127.0.0.1:5432/caseflow', INTERNAL_TOKEN_SECRET: 'process-spec-secret' };

describe('a subgraph process reads its peers', () => {
  it('reads no peer URL at all when the subgraph declares no peers, whatever the environment holds', () => {
    const config = loadSubgraphConfig({ name: 'lonely' }, 4100, { ...required, CLIENTS_URL: 'nowhere', PLANS_URL: 'http://10.0.0.2:4002' });
    expect(config.peerUrls).toEqual({});
    expect(
      Object.keys(config.settings).filter((key) => key.endsWith('_URL') && !key.includes('DATABASE') && key !== 'DASHBOARD_URL'),
    ).toEqual([]);
  });

  it('reads <PEER>_URL for exactly the declared peers, each defaulting to its development URL', () => {
    const definition = { name: 'asker', peers: { clients: 'http://127.0.0.1:4001', plans: 'http://127.0.0.1:4002' } };
    expect(loadSubgraphConfig(definition, 4100, required).peerUrls).toEqual({
      clients: 'http://127.0.0.1:4001',
      plans: 'http://127.0.0.1:4002',
    });
    const env = { ...required, PLANS_URL: 'http://plans.internal:8080', REFERRALS_URL: 'http://referrals.internal:8080' };
    expect(loadSubgraphConfig(definition, 4100, env).peerUrls).toEqual({
      clients: 'http://127.0.0.1:4001',
      plans: 'http://plans.internal:8080',
    });
  });

  it("reads a peer's replicas as a comma-separated list, and names a bad entry", () => {
    const definition = { name: 'asker', peers: { clients: 'http://127.0.0.1:4001' } };
    const env = { ...required, CLIENTS_URL: 'http://clients-a:4001, http://clients-b:4001' };
    expect(loadSubgraphConfig(definition, 4100, env).peerUrls).toEqual({ clients: 'http://clients-a:4001,http://clients-b:4001' });
    expect(
      configProblemsOf(() => loadSubgraphConfig(definition, 4100, { ...required, CLIENTS_URL: 'http://clients-a:4001,nowhere' })),
    ).toEqual(['CLIENTS_URL must be URLs separated by commas (one per replica); entry 2 is not a URL']);
  });

  it('refuses a bad URL of a declared peer beside every other problem, and ignores one of an undeclared peer', () => {
    const definition = { name: 'asker', peers: { clients: 'http://127.0.0.1:4001' } };
    const problems = configProblemsOf(() =>
      loadSubgraphConfig(definition, 4100, { CLIENTS_URL: 'nowhere', RESOURCES_URL: 'nowhere', ASKER_PORT: 'x' }),
    );
    expect(problems.sort()).toEqual([
      'ASKER_DATABASE_URL or DATABASE_URL is required',
      'ASKER_PORT must be a whole number, got "x"',
      'CLIENTS_URL must be a URL',
      'INTERNAL_TOKEN_SECRET is required',
    ]);
  });

  it("reads the subgraph's own settings under its name, falling back to the shared ones", () => {
    const own = loadSubgraphConfig({ name: 'asker' }, 4100, {
      ...required,
      ASKER_DATABASE_URL: 'postgres://own@127.0.0.1:5432/caseflow',
      ASKER_PORT: '4200',
    });
    expect({ port: own.settings.PORT, database: own.settings.DATABASE_URL }).toEqual({
      port: 4200,
      database: 'postgres://own@127.0.0.1:5432/caseflow',
    });
    const shared = loadSubgraphConfig({ name: 'asker' }, 4100, required);
    expect({ port: shared.settings.PORT, database: shared.settings.DATABASE_URL }).toEqual({ port: 4100, database: required.DATABASE_URL });
  });

  it('reads its metrics port under its name or METRICS_PORT, by default 9400 plus its port offset from 4000, and refuses a bad one by name', () => {
    expect(loadSubgraphConfig({ name: 'asker' }, 4003, required).settings.METRICS_PORT).toBe(9403);
    expect(loadSubgraphConfig({ name: 'asker' }, 4003, { ...required, METRICS_PORT: '9999' }).settings.METRICS_PORT).toBe(9999);
    expect(
      loadSubgraphConfig({ name: 'asker' }, 4003, { ...required, METRICS_PORT: '9999', ASKER_METRICS_PORT: '9100' }).settings.METRICS_PORT,
    ).toBe(9100);
    expect(configProblemsOf(() => loadSubgraphConfig({ name: 'asker' }, 4003, { ...required, METRICS_PORT: 'nine' }))).toEqual([
      'METRICS_PORT must be a whole number, got "nine"',
    ]);
    expect(configProblemsOf(() => loadSubgraphConfig({ name: 'asker' }, 4003, { ...required, ASKER_METRICS_PORT: '70000' }))).toEqual([
      'ASKER_METRICS_PORT must be between 0 and 65535, got 70000',
    ]);
  });
});
