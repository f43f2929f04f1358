import { fetchServiceNames, SERVICE_ACTOR, SERVICE_NAMES_PATH } from '@caseflow/auth';
import { internalHeaders, type TestSubgraph } from '@caseflow/testing';
import { actorOf, startResources } from '../testing/testbed';

let t: TestSubgraph;

beforeAll(async () => {
  t = await startResources('demo');
});

afterAll(async () => {
  await t.stop();
});

const sql = <T>(text: string, params: unknown[] = []) => t.subgraph.database.dataSource.query<T[]>(text, params);

/** POSTs to the route as `actor`; the status and the JSON answer. */
async function post(body: unknown, actor = SERVICE_ACTOR, secret = t.secret): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers = { ...(await internalHeaders(actor, secret)), 'content-type': 'application/json' };
  const answer = await fetch(new URL(SERVICE_NAMES_PATH, t.baseUrl), { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: answer.status, body: (await answer.json().catch(() => ({}))) as Record<string, unknown> };
}

const errorOf = (body: Record<string, unknown>) => (body.errors as Array<{ message: string; extensions: { code: string } }>)[0];

describe('the directory names route (POST /internal/service-names)', () => {
  it('gives every service its name and its organization id and name, page after page in id order, one statement a page', async () => {
    const expected = await sql<{ id: string; name: string; organizationId: string; organizationName: string }>(
      `SELECT s.id, s.name, s.organization_id AS "organizationId", o.name AS "organizationName"
         FROM resources.service s JOIN resources.organization o ON o.id = s.organization_id ORDER BY s.id`,
    );
    expect(expected.length).toBeGreaterThan(4);

    const statements = t.subgraph.database.counter;
    const before = statements.count;
    const pageSize = 3;
    const all = await fetchServiceNames({ resourcesUrl: t.baseUrl, internalSecret: t.secret, pageSize });
    expect(all).toEqual(expected);
    // A short last page ends the read: one statement per page asked.
    expect(statements.count - before).toBe(Math.floor(expected.length / pageSize) + 1);
    for (const text of statements.since(before)) expect(text).toMatch(/ORDER BY s\.id\s+LIMIT \$2/);

    const second = await post({ after: expected[1].id, limit: 2 });
    expect(second).toEqual({ status: 200, body: { services: expected.slice(2, 4) } });
  });

  it('follows a renamed service and organization on the next read', async () => {
    const [service] = await sql<{ id: string; organization_id: string }>(
      'SELECT id, organization_id FROM resources.service ORDER BY id LIMIT 1',
    );
    const [before] = await sql<{ name: string; org: string }>(
      'SELECT s.name, o.name AS org FROM resources.service s JOIN resources.organization o ON o.id = s.organization_id WHERE s.id = $1',
      [service.id],
    );
    try {
      await sql('UPDATE resources.service SET name = $2 WHERE id = $1', [service.id, 'Renamed Pantry']);
      await sql('UPDATE resources.organization SET name = $2 WHERE id = $1', [service.organization_id, 'Renamed Agency']);
      const { body } = await post({ limit: 1 });
      expect(body).toEqual({
        services: [{ id: service.id, name: 'Renamed Pantry', organizationId: service.organization_id, organizationName: 'Renamed Agency' }],
      });
    } finally {
      await sql('UPDATE resources.service SET name = $2 WHERE id = $1', [service.id, before.name]);
      await sql('UPDATE resources.organization SET name = $2 WHERE id = $1', [service.organization_id, before.org]);
    }
  });

  it('answers a Caseflow service only: a staff member (even an admin) is FORBIDDEN, a token that is not the internal one 401', async () => {
    for (const who of ['casey', 'admin'] as const) {
      const { status, body } = await post({}, actorOf(who));
      expect(status).toBe(403);
      expect(errorOf(body).extensions.code).toBe('FORBIDDEN');
    }
    expect((await post({}, SERVICE_ACTOR, 'not-the-secret')).status).toBe(401);
    const bare = await fetch(new URL(SERVICE_NAMES_PATH, t.baseUrl), { method: 'POST', body: '{}' });
    expect(bare.status).toBe(401);
  });

  it.each([
    [{ after: 'not-an-id' }, 'after'],
    [{ after: 42 }, 'after'],
    [{ limit: 0 }, 'limit'],
    [{ limit: 5001 }, 'limit'],
    [{ limit: 2.5 }, 'limit'],
    [{ limit: '10' }, 'limit'],
  ])('refuses the page %j as bad input naming %s', async (page, field) => {
    const statements = t.subgraph.database.counter;
    const before = statements.count;
    const { status, body } = await post(page);
    expect(status).toBe(400);
    expect(errorOf(body).extensions.code).toBe('BAD_USER_INPUT');
    expect(errorOf(body).message).toContain(field);
    expect(statements.count - before).toBe(0);
  });
});
