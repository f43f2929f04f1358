/**
 * HTTP caching of the HSDS API through the gateway, over real HTTP: strong
 * ETags, 304 with no body for an unchanged answer (an object and a list
 * page), a new ETag after a partner's edit through the GraphQL mutations,
 * Last-Modified and If-Modified-Since, and the OpenAPI document.
 */
import { EASTSIDE_ID, NORTHSIDE_ID } from '@caseflow/demo';
import { startTestStack, type StaffKey, type TestStack } from './harness';

let stack: TestStack;
const hsds = async (path: string, headers: Record<string, string> = {}, who: StaffKey = 'robin') => {
  const response = await fetch(`${stack.gatewayBaseUrl}${path}`, {
    headers: { authorization: `Bearer ${await stack.issuer.token(stack.actor(who))}`, ...headers },
  });
  return {
    status: response.status,
    text: await response.text(),
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
    cacheControl: response.headers.get('cache-control'),
  };
};
const STRONG_TAG = /^"[A-Za-z0-9_-]{43}"$/;

/** A partner (pat, of Northside) edits their own service through GraphQL. */
async function partnerEdit(serviceId: string, text: string): Promise<void> {
  const res = await stack.as<{ updateService: { eligibilityDescription: string } }>(
    'pat',
    'mutation($id: ID!, $input: UpdateServiceInput!) { updateService(id: $id, input: $input) { eligibilityDescription } }',
    { id: serviceId, input: { eligibilityDescription: text } },
  );
  expect(res.errors).toBeUndefined();
  expect(res.data!.updateService.eligibilityDescription).toBe(text);
}

/** Waits into the next whole second (Last-Modified has one-second precision). */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1_100 - (Date.now() % 1_000)));

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

describe('HSDS caching through the gateway', () => {
  it('answers 304 with no body for an unchanged service, and 200 with a new ETag after a partner edits it', async () => {
    const service = stack.world.services.find((s) => s.organizationId === NORTHSIDE_ID)!;
    const path = `/hsds/services/${service.id}`;
    await nextSecond();
    const first = await hsds(path);
    expect(first.status).toBe(200);
    expect(first.etag).toMatch(STRONG_TAG);
    expect(first.cacheControl).toBe('private, no-cache');
    expect(first.lastModified).not.toBeNull();
    expect(new Date(first.lastModified!).getTime()).toBeLessThanOrEqual(Date.now());

    const again = await hsds(path, { 'if-none-match': first.etag! });
    expect(again).toEqual({ ...first, status: 304, text: '' });
    const sinceUnchanged = await hsds(path, { 'if-modified-since': first.lastModified! });
    expect(sinceUnchanged).toMatchObject({ status: 304, text: '', etag: first.etag });
    // Another's tag, or the same tag with an older If-Modified-Since, is a full answer.
    expect(await hsds(path, { 'if-none-match': '"other"' })).toEqual(first);

    await partnerEdit(service.id, 'Anyone living in the north end.');
    const edited = await hsds(path, { 'if-none-match': first.etag!, 'if-modified-since': first.lastModified! });
    expect(edited.status).toBe(200);
    expect(edited.etag).toMatch(STRONG_TAG);
    expect(edited.etag).not.toBe(first.etag);
    expect(JSON.parse(edited.text)).toMatchObject({ id: service.id, eligibility_description: 'Anyone living in the north end.' });
    // The old date alone no longer matches either.
    expect((await hsds(path, { 'if-modified-since': first.lastModified! })).status).toBe(200);

    await nextSecond();
    const settled = await hsds(path, { 'if-none-match': edited.etag! });
    expect(settled).toMatchObject({ status: 304, text: '', etag: edited.etag });
    expect(new Date(settled.lastModified!).getTime()).toBeGreaterThan(new Date(first.lastModified!).getTime());
  });

  it('answers list pages the same way: 304 while unchanged, 200 and a new ETag once an entry on the page changes', async () => {
    const own = stack.world.services.find((s) => s.organizationId === NORTHSIDE_ID)!;
    const north = `/hsds/services?organization_id=${NORTHSIDE_ID}&per_page=100`;
    const east = `/hsds/services?organization_id=${EASTSIDE_ID}&per_page=100&full=true`;
    const [northPage, eastPage] = [await hsds(north), await hsds(east)];
    expect(northPage.status).toBe(200);
    expect(JSON.parse(northPage.text).contents.map((s: { id: string }) => s.id)).toContain(own.id);
    expect(eastPage.status).toBe(200);
    expect((await hsds(north, { 'if-none-match': northPage.etag! })).status).toBe(304);

    await partnerEdit(own.id, 'Families with children under 12.');
    const changed = await hsds(north, { 'if-none-match': northPage.etag! });
    expect(changed.status).toBe(200);
    expect(changed.etag).not.toBe(northPage.etag);
    expect(JSON.parse(changed.text).contents.find((s: { id: string }) => s.id === own.id).eligibility_description).toBe(
      'Families with children under 12.',
    );
    // Another organization's page does not contain the edit: still current.
    expect(await hsds(east, { 'if-none-match': eastPage.etag! })).toMatchObject({ status: 304, text: '', etag: eastPage.etag });
  });

  it('never marks a refusal or a stream as cacheable by a validator', async () => {
    const missing = await hsds('/hsds/services/00000000-0000-4000-8000-000000000000');
    expect(missing).toMatchObject({ status: 404, etag: null, lastModified: null, cacheControl: 'no-store' });
    expect(JSON.parse(missing.text).errors[0].extensions.code).toBe('NOT_FOUND');
    const bad = await hsds('/hsds/services?per_page=0', { 'if-none-match': '*' });
    expect(bad).toMatchObject({ status: 400, etag: null, cacheControl: 'no-store' });
    expect(JSON.parse(bad.text).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'per_page' });
    const stream = await hsds(`/hsds/services?format=ndjson&organization_id=${NORTHSIDE_ID}`);
    expect(stream).toMatchObject({ status: 200, etag: null, cacheControl: 'private, no-cache' });
    expect(stream.text.trim().split('\n').length).toBeGreaterThan(0);
  });

  it('serves its OpenAPI document at /hsds/openapi.json, with an ETag', async () => {
    const res = await hsds('/hsds/openapi.json', {}, 'pat');
    expect(res.status).toBe(200);
    const doc = JSON.parse(res.text);
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/', '/services', '/services/{id}', '/openapi.json']));
    expect(res.etag).toMatch(STRONG_TAG);
    expect((await hsds('/hsds/openapi.json', { 'if-none-match': res.etag! }, 'pat')).status).toBe(304);
    const refused = await hsds('/hsds/openapi.json?x=1');
    expect(refused.status).toBe(400);
  });
});
