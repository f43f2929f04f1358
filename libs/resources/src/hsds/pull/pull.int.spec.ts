import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@caseflow/core';
import { NORTHSIDE_ID } from '@caseflow/demo';
import type { TestSubgraph } from '@caseflow/testing';
import { rowCounts, staffHeaders, startResources } from '../../testing/testbed';
import { pullDirectory, PullError } from './pull';
import { pullSources, startPullJob } from './pull.job';
import { loadPullSettings } from './pull.settings';

const TOKEN = 'partner-token-1';
const MIRRORED = [
  'organization',
  'service',
  'location',
  'address',
  'service_at_location',
  'schedule',
  'phone',
  'taxonomy',
  'taxonomy_term',
];
const ALL = [...MIRRORED, 'metadata', 'hsds_source'];

let upstream: TestSubgraph;
let target: TestSubgraph;
let server: Server;
let base: string;
/** Every request the other directory served: its path and query. */
let requests: URL[] = [];
/** Changes what the other directory answers to a request. */
let tamper: ((url: URL, body: string) => { status: number; body: string } | null) | null = null;

const q = (t: TestSubgraph, sql: string, params: unknown[] = []) => t.subgraph.database.dataSource.query(sql, params);
const source = async () => (await q(target, 'SELECT url, modified_after, last_pulled_at, last_rows_written FROM resources.hsds_source'))[0];
const silent = createLogger('test', 'error', () => undefined);

/** The other directory: its own HSDS API over the demo directory, behind a loopback front that wants a bearer token. */
beforeAll(async () => {
  [upstream, target] = await Promise.all([startResources('demo'), startResources('empty')]);
  // Services last changed on different days (counted from now), as in a directory edited over time.
  await q(
    upstream,
    `UPDATE resources.service s SET last_modified = now() - make_interval(days => 400 - n.i)
     FROM (SELECT id, row_number() OVER (ORDER BY id)::int AS i FROM resources.service) n WHERE n.id = s.id`,
  );
  server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://upstream');
      requests.push(url);
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"errors":[{"message":"token"}]}');
        return;
      }
      const answer = await fetch(`${upstream.baseUrl}${url.pathname}${url.search}`, { headers: await staffHeaders(upstream, 'pat') });
      const body = await answer.text();
      const changed = tamper?.(url, body) ?? null;
      res.writeHead(changed?.status ?? answer.status, { 'content-type': 'application/json' }).end(changed?.body ?? body);
    })();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hsds`;
});
afterAll(async () => {
  await new Promise((done) => server?.close(done));
  await Promise.all([upstream?.stop(), target?.stop()]);
});
beforeEach(() => {
  requests = [];
  tamper = null;
});

const withoutMetadata = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(withoutMetadata)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([k]) => k !== 'metadata')
            .map(([k, v]) => [k, withoutMetadata(v)]),
        )
      : value;
const fullService = async (t: TestSubgraph, id: string) =>
  withoutMetadata(await (await fetch(`${t.baseUrl}/hsds/services/${id}`, { headers: await staffHeaders(t, 'pat') })).json());
const servicesRequests = () => requests.filter((r) => r.pathname === '/hsds/services');

describe('pulling another HSDS directory', () => {
  it('mirrors the directory page by page, keeping where each row came from in HSDS metadata', async () => {
    const settings = loadPullSettings({
      HSDS_PULL_SOURCES: JSON.stringify([{ url: `${base}/`, tokenEnv: 'PARTNER_TOKEN' }]),
      PARTNER_TOKEN: TOKEN,
    });
    const [report] = await pullSources(target.subgraph.database.dataSource, settings, silent);

    const counts = await rowCounts(upstream, MIRRORED);
    expect(await rowCounts(target, MIRRORED)).toEqual(counts);
    expect(counts.service).toBeGreaterThan(100);
    expect(report).toMatchObject({ source: base, modifiedAfter: null, unchanged: 0, warnings: [] });
    expect(report.written).toMatchObject({ service: counts.service, organization: counts.organization, schedule: counts.schedule });
    // Paged, with no modified_after the first time.
    expect(servicesRequests().map((r) => r.searchParams.get('page'))).toEqual(
      Array.from({ length: Math.ceil(counts.service / 100) }, (_, i) => String(i + 1)),
    );
    expect(servicesRequests().every((r) => r.searchParams.get('full') === 'true' && !r.searchParams.has('modified_after'))).toBe(true);
    expect(requests.map((r) => r.pathname)).toEqual(expect.arrayContaining(['/hsds/', '/hsds/organizations', '/hsds/taxonomy_terms']));

    const [sample] = await q(upstream, `SELECT id, name FROM resources.service WHERE name = 'Weekly Food Pantry'`);
    expect(await fullService(target, sample.id)).toEqual(await fullService(upstream, sample.id));
    const provenance = await q(
      target,
      `SELECT last_action_type, replacement_value, updated_by FROM resources.metadata WHERE resource_id = $1 AND field_name = 'name'`,
      [sample.id],
    );
    expect(provenance).toEqual([{ last_action_type: 'create', replacement_value: sample.name, updated_by: base }]);
    const [latest] = await q(upstream, `SELECT max(last_modified) AS at FROM resources.service`);
    expect(await source()).toEqual({
      url: base,
      modified_after: latest.at,
      last_pulled_at: expect.any(Date),
      last_rows_written: expect.any(Number),
    });
  });

  it('brings only what changed since, asking with modified_after, and rewrites nothing else', async () => {
    const before = await source();
    const [changed, untouched] = await q(upstream, `SELECT id, name FROM resources.service ORDER BY last_modified LIMIT 2`);
    await q(upstream, `UPDATE resources.service SET name = 'Renamed upstream', last_modified = now() WHERE id = $1`, [changed.id]);
    const xmins = async () =>
      q(target, `SELECT id, xmin::text FROM resources.service UNION ALL SELECT id, xmin::text FROM resources.organization ORDER BY 1`);
    const rowsBefore = await xmins();
    const metadataBefore = (await rowCounts(target, ['metadata'])).metadata;

    const report = await pullDirectory(target.subgraph.database.dataSource, { url: base, token: TOKEN });

    expect(servicesRequests().length).toBeGreaterThan(0);
    expect(servicesRequests().every((r) => r.searchParams.get('modified_after') === before.modified_after.toISOString())).toBe(true);
    expect(requests.some((r) => r.pathname === '/hsds/organizations')).toBe(false);
    expect(report.written).toEqual({ service: 1 });
    const [row] = await q(target, 'SELECT name FROM resources.service WHERE id = $1', [changed.id]);
    expect(row.name).toBe('Renamed upstream');
    // Every other service and organization is the row version it was.
    const rowsAfter = await xmins();
    expect(rowsAfter.filter((r: { id: string }) => r.id !== changed.id)).toEqual(
      rowsBefore.filter((r: { id: string }) => r.id !== changed.id),
    );
    expect(rowsAfter.find((r: { id: string }) => r.id === untouched.id)).toEqual(
      rowsBefore.find((r: { id: string }) => r.id === untouched.id),
    );
    const changes = await q(
      target,
      `SELECT field_name, previous_value, replacement_value, last_action_type, updated_by FROM resources.metadata
       WHERE resource_id = $1 AND last_action_type = 'update' ORDER BY field_name`,
      [changed.id],
    );
    expect(changes).toEqual([
      expect.objectContaining({ field_name: 'last_modified', updated_by: base }),
      {
        field_name: 'name',
        previous_value: changed.name,
        replacement_value: 'Renamed upstream',
        last_action_type: 'update',
        updated_by: base,
      },
    ]);
    expect((await rowCounts(target, ['metadata'])).metadata).toBe(metadataBefore + 2);
    expect((await source()).modified_after.getTime()).toBeGreaterThan(before.modified_after.getTime());

    // Nothing changed upstream since: a pull writes nothing.
    const again = await pullDirectory(target.subgraph.database.dataSource, { url: base, token: TOKEN });
    expect(again.written).toEqual({});
    expect(await xmins()).toEqual(rowsAfter);
  });

  it("pulls one organization's entries when given one, with a watermark of its own", async () => {
    const other = await startResources('empty');
    try {
      const report = await pullDirectory(other.subgraph.database.dataSource, { url: base, token: TOKEN, organizationId: NORTHSIDE_ID });
      const ids = (t: TestSubgraph) => q(t, 'SELECT id FROM resources.service WHERE organization_id = $1 ORDER BY id', [NORTHSIDE_ID]);
      expect((await ids(other)).length).toBeGreaterThan(2);
      expect(await ids(other)).toEqual(await ids(upstream));
      expect(await rowCounts(other, ['service', 'organization'])).toEqual({ service: (await ids(upstream)).length, organization: 1 });
      expect(requests.map((r) => r.pathname)).toContain(`/hsds/organizations/${NORTHSIDE_ID}`);
      expect(requests.some((r) => r.pathname === '/hsds/organizations')).toBe(false);
      expect(servicesRequests().every((r) => r.searchParams.get('organization_id') === NORTHSIDE_ID)).toBe(true);
      expect(report.written.service).toBe((await ids(upstream)).length);
      expect(await q(other, 'SELECT url FROM resources.hsds_source')).toEqual([{ url: `${base}?organization_id=${NORTHSIDE_ID}` }]);
    } finally {
      await other.stop();
    }
  });

  const failures: Array<[string, (url: URL, body: string) => { status: number; body: string } | null, RegExp]> = [
    [
      'the source fails half-way',
      (url) => (url.pathname === '/hsds/services' && url.searchParams.get('page') === '3' ? { status: 503, body: '{}' } : null),
      /GET \/hsds\/services\?.*page=3.* answered 503/,
    ],
    [
      'a page breaks an HSDS rule',
      (url, body) =>
        url.pathname === '/hsds/services' && url.searchParams.get('page') === '2'
          ? { status: 200, body: body.replace(/"status":"active"/, '"status":"open"') }
          : null,
      /service rows from .*, row \d+, field status: must be one of active, .* \(service [0-9a-f-]{36}\)$/,
    ],
    [
      'a page is not an HSDS page',
      (url) => (url.pathname === '/hsds/taxonomies' ? { status: 200, body: '{"items":[]}' } : null),
      /taxonomies page 1 is not an HSDS page/,
    ],
  ];
  it.each(failures)('changes nothing when %s, and keeps the watermark', async (_name, change, message) => {
    const [pending] = await q(upstream, `SELECT id FROM resources.service ORDER BY last_modified DESC LIMIT 1 OFFSET 5`);
    await q(upstream, `UPDATE resources.service SET description = 'Changed upstream', last_modified = now() WHERE id = $1`, [pending.id]);
    const counts = await rowCounts(target, ALL);
    const before = await source();
    tamper = change;
    await expect(pullDirectory(target.subgraph.database.dataSource, { url: base, token: TOKEN, full: true })).rejects.toThrow(message);
    expect(await rowCounts(target, ALL)).toEqual(counts);
    expect(await source()).toEqual(before);
    const [row] = await q(target, 'SELECT description FROM resources.service WHERE id = $1', [pending.id]);
    expect(row.description).not.toBe('Changed upstream');
  });

  it('refuses bad arguments naming the argument, and a source that is not an HSDS API or wants a token, changing nothing', async () => {
    const counts = await rowCounts(target, ALL);
    const db = target.subgraph.database.dataSource;
    const bad: Array<[Parameters<typeof pullDirectory>[1], string, RegExp]> = [
      [{ url: 'not a url' }, 'url', /^url must be the absolute http\(s\) base URL/],
      [{ url: 'ftp://127.0.0.1/hsds' }, 'url', /^url must be an http or https URL/],
      [{ url: `${base}?page=2` }, 'url', /without a query/],
      [{ url: base.replace('http://', 'http://user:pw@') }, 'url', /must not carry credentials/],
      [{ url: base, token: 'two words' }, 'token', /^token must be a bearer token/],
      [{ url: base, organizationId: 'northside' }, 'organization', /^organization must be a UUID/],
    ];
    for (const [options, field, message] of bad) {
      const attempt = pullDirectory(db, options);
      await expect(attempt).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
      await expect(attempt).rejects.toThrow(message);
    }
    expect(requests).toEqual([]);
    await expect(pullDirectory(db, { url: base })).rejects.toThrow(new PullError(`${base}: GET /hsds/ answered 401 (is the token right?)`));
    await expect(pullDirectory(db, { url: `${base}/nowhere`, token: TOKEN })).rejects.toThrow(/GET \/hsds\/nowhere\/ answered 404/);
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    await expect(pullDirectory(db, { url: `http://127.0.0.1:${port}/hsds` })).rejects.toThrow(/GET \/hsds\/ failed: .*ECONNREFUSED/);
    expect(await rowCounts(target, ALL)).toEqual(counts);
  });

  it('pulls on schedule, each tick claimed once in resources.scheduled_job, and logs a failing source without stopping', async () => {
    const before = await source();
    const lines: string[] = [];
    const logger = createLogger('test', 'info', (line) => lines.push(line));
    const settings = { sources: [{ url: base }, { url: base, token: TOKEN }], intervalMs: 200 };
    const stop = startPullJob(target.subgraph.database.dataSource, settings, logger);
    try {
      // The tick's run: the first source refused (no token), the second pulled, then the job reports the failure.
      for (let i = 0; i < 200 && !lines.some((l) => l.includes('job hsds-pull failed')); i++)
        await new Promise((done) => setTimeout(done, 50));
    } finally {
      await stop();
    }
    const [job] = await q(target, `SELECT runs::int FROM resources.scheduled_job WHERE job = 'hsds-pull'`);
    expect(job.runs).toBeGreaterThanOrEqual(1);
    expect((await source()).last_pulled_at.getTime()).toBeGreaterThan(before.last_pulled_at.getTime());
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'error', message: 'hsds pull failed, nothing written', source: base }),
        expect.objectContaining({ level: 'info', message: 'hsds pull', source: base }),
        expect.objectContaining({ level: 'error', message: 'job hsds-pull failed' }),
      ]),
    );
    // What the failed runs above left upstream arrived with this one.
    const changedUpstream = `SELECT id FROM resources.service WHERE description = 'Changed upstream' ORDER BY id`;
    expect(await q(upstream, changedUpstream)).toHaveLength(failures.length);
    expect(await q(target, changedUpstream)).toEqual(await q(upstream, changedUpstream));
    // Off unless configured: no sources, no job.
    const none = startPullJob(target.subgraph.database.dataSource, { sources: [], intervalMs: 200 }, logger);
    await none();
  });

  it('reads its sources from HSDS_PULL_SOURCES, off by default, naming what is wrong', () => {
    expect(loadPullSettings({})).toEqual({ sources: [], intervalMs: 0 });
    expect(
      loadPullSettings({
        HSDS_PULL_SOURCES:
          '[{"url":"https://other.example.org/hsds/","tokenEnv":"OTHER_TOKEN","organizationId":"0b6c1c7e-7c55-4a55-9d3b-6f1f4f5a0001"}]',
        HSDS_PULL_INTERVAL_MS: '3600000',
        OTHER_TOKEN: 'secret',
      }),
    ).toEqual({
      sources: [{ url: 'https://other.example.org/hsds', token: 'secret', organizationId: '0b6c1c7e-7c55-4a55-9d3b-6f1f4f5a0001' }],
      intervalMs: 3_600_000,
    });
    const problems: Array<[Record<string, string>, string]> = [
      [{ HSDS_PULL_SOURCES: 'https://other.example.org' }, 'HSDS_PULL_SOURCES must be a JSON list'],
      [{ HSDS_PULL_SOURCES: '[{"url":"ftp://x"}]' }, 'HSDS_PULL_SOURCES entry 1: url must be an http or https URL'],
      [
        { HSDS_PULL_SOURCES: '[{"url":"https://x.org","tokenEnv":"NOPE"}]' },
        'HSDS_PULL_SOURCES entry 1: tokenEnv names NOPE, which is not set',
      ],
      [
        { HSDS_PULL_SOURCES: '[{"url":"https://x.org","token":"inline"}]' },
        'entry 1 has "token", which is not url, tokenEnv or organizationId',
      ],
      [{ HSDS_PULL_INTERVAL_MS: 'hourly' }, 'HSDS_PULL_INTERVAL_MS must be a whole number'],
    ];
    for (const [env, message] of problems) expect(() => loadPullSettings(env)).toThrow(message);
  });
});
