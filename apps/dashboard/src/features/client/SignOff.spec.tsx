import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ClosureQueueQuery, ClosureRequestFieldsFragment } from '../../graphql/generated';
import { CLIENT_ID, plans, profile } from '../../testing/fixtures';
import { STAFF, fakeGateway, renderApp } from '../../testing/harness';

const base = { ClientProfile: () => ({ data: profile() }) };
const stamp = (id: string, assessedAt: string, barrierCount: number, assetCount: number) => ({ id, assessedAt, barrierCount, assetCount });
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

function setting(on: boolean | null) {
  return () => ({
    data: {
      me: { id: STAFF.casey.id, organization: { id: 'org-harbour', name: 'Harbour Employment Services', closureNeedsApproval: on } },
    },
  });
}

function request(patch: Partial<ClosureRequestFieldsFragment> = {}): ClosureRequestFieldsFragment {
  return {
    id: 'req-1',
    outcome: 'EMPLOYED',
    nextSteps: 'Check in after three months',
    rationale: 'Started full-time work',
    status: 'PENDING',
    requestedAt: daysAgo(1),
    decidedAt: null,
    decisionNote: null,
    requestedBy: { id: STAFF.casey.id, displayName: 'Casey Morgan' },
    decidedBy: null,
    ...patch,
  };
}

describe('distance travelled on the client file', () => {
  it('compares the first and the latest assessment per domain', async () => {
    const gateway = fakeGateway({
      ...base,
      ClientDistance: () => ({
        data: {
          client: {
            id: CLIENT_ID,
            distanceTravelled: {
              baseline: stamp('a1', daysAgo(120), 3, 2),
              latest: stamp('a3', daysAgo(3), 2, 3),
              barriersResolved: 2,
              barriersAdded: 1,
              changes: [
                { domain: 'EMPLOYABILITY', characteristic: 'Interview skills', from: 'BARRIER', to: 'ASSET', change: 'BARRIER_TO_ASSET' },
                { domain: 'PERSONAL_HEALTH', characteristic: 'Sleep', from: 'ASSET', to: 'BARRIER', change: 'ASSET_TO_BARRIER' },
                { domain: 'PERSONAL_HEALTH', characteristic: 'Dental', from: 'BARRIER', to: 'ASSET', change: 'BARRIER_TO_ASSET' },
                { domain: 'PERSONAL_HEALTH', characteristic: 'Mobility', from: null, to: 'BARRIER', change: 'NOT_COMPARABLE' },
              ],
            },
          },
        },
      }),
    });
    renderApp({ path: `/clients/${CLIENT_ID}?tab=distance`, as: 'casey', gateway });
    expect((await screen.findByText(/since the first assessment\./)).textContent).toBe(
      '2 barriers resolved, 1 new barrier since the first assessment.',
    );
    expect(screen.getByText(/first assessment,/).closest('p')?.textContent).toContain('3 barriers, 2 assets');
    const health = screen.getByRole('table', { name: /^Personal health/ });
    const rows = within(health).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      'DentalBarrierAssetBarrier resolved',
      'SleepAssetBarrierNew barrier',
      'MobilityNot ratedBarrierRated once only',
    ]);
    expect(screen.getByText(/Barriers 1 → 2/).textContent).toBe('Barriers 1 → 2 (+1) · 1 resolved · 1 new');
  });

  it('needs two assessments', async () => {
    const gateway = fakeGateway({
      ...base,
      ClientDistance: () => ({
        data: {
          client: {
            id: CLIENT_ID,
            distanceTravelled: { baseline: null, latest: null, barriersResolved: 0, barriersAdded: 0, changes: [] },
          },
        },
      }),
    });
    renderApp({ path: `/clients/${CLIENT_ID}?tab=distance`, as: 'casey', gateway });
    expect(await screen.findByText(/needs two assessments/)).toBeTruthy();
  });
});

describe('the client’s agreement to the plan', () => {
  it('records the agreement on the version shown, and says plainly when the plan changed meanwhile', async () => {
    let conflict = true;
    const gateway = fakeGateway({
      ...base,
      ClientPlans: () => ({ data: plans() }),
      RecordPlanAgreement: () =>
        conflict
          ? { errors: [{ message: 'The plan is at version 4, not 3', extensions: { code: 'CONFLICT', field: 'expectedVersion' } }] }
          : {
              data: {
                recordPlanAgreement: {
                  id: 'plan-1',
                  version: 3,
                  agreement: null,
                  agreementHistory: [],
                },
              },
            },
    });
    renderApp({ path: `/clients/${CLIENT_ID}?tab=plan`, as: 'casey', gateway });
    expect((await screen.findByText('Awaiting agreement')).closest('p')?.textContent).toContain(
      'The client has not agreed to version 3 of this plan yet.',
    );
    fireEvent.click(screen.getByRole('button', { name: "Record the client's agreement" }));
    const form = screen.getByRole('form', { name: "Record the client's agreement" });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the agreement' }));
    expect(await within(form).findByText('Choose how the client agreed.')).toBeTruthy();
    expect(gateway.called('RecordPlanAgreement')).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText(/^How the client agreed/), { target: { value: 'VERBAL' } });
    fireEvent.change(within(form).getByLabelText(/^Note/), { target: { value: 'Went through it by phone' } });
    const plansAsked = gateway.called('ClientPlans').length;
    fireEvent.click(within(form).getByRole('button', { name: 'Record the agreement' }));
    const alert = await within(form).findByText(/^Conflict:/);
    expect(alert.closest('[role="alert"]')?.textContent).toContain('This plan changed after version 3 was opened');
    expect(gateway.called('RecordPlanAgreement')[0].variables).toEqual({
      planId: 'plan-1',
      expectedVersion: 3,
      method: 'VERBAL',
      note: 'Went through it by phone',
    });
    await waitFor(() => expect(gateway.called('ClientPlans').length).toBeGreaterThan(plansAsked));

    conflict = false;
    gateway.handlers.ClientPlans = () => ({
      data: plans({
        agreement: {
          agreedAt: daysAgo(0),
          method: 'VERBAL',
          planVersion: 3,
          note: 'Went through it by phone',
          recordedBy: { id: STAFF.casey.id, displayName: 'Casey Morgan' },
        },
        agreementHistory: [
          {
            agreedAt: daysAgo(0),
            method: 'VERBAL',
            planVersion: 3,
            note: 'Went through it by phone',
            recordedBy: { id: STAFF.casey.id, displayName: 'Casey Morgan' },
          },
        ],
      }),
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the agreement' }));
    expect((await screen.findByText('Agreed')).closest('p')?.textContent).toContain('The client agreed to version 3');
    expect(screen.getByText('Agreements (1)')).toBeTruthy();
    expect(screen.queryByRole('button', { name: "Record the client's agreement" })).toBeNull();
  });
});

describe('closure approval', () => {
  it('turns a case manager’s “Close the case” into a request when the agency needs approval, then offers Withdraw', async () => {
    let current: ClosureRequestFieldsFragment | null = null;
    const gateway = fakeGateway({
      ...base,
      AgencyClosureSetting: setting(true),
      ClientClosureRequest: () => ({ data: { client: { id: CLIENT_ID, status: 'ACTIVE', closureRequest: current } } }),
      RequestClosure: (v) => {
        const input = v.input as { outcome: 'EMPLOYED'; nextSteps: string | null; rationale: string };
        current = request({ outcome: input.outcome, nextSteps: input.nextSteps, rationale: input.rationale });
        return { data: { requestClosure: current } };
      },
      WithdrawClosureRequest: () => {
        current = request({ status: 'WITHDRAWN' });
        return { data: { withdrawClosureRequest: current } };
      },
    });
    renderApp({ path: `/clients/${CLIENT_ID}`, as: 'casey', gateway });
    fireEvent.click(await screen.findByRole('button', { name: 'Request closure' }));
    expect(screen.queryByRole('button', { name: 'Close the case' })).toBeNull();
    const form = screen.getByRole('form', { name: 'Request closure' });
    fireEvent.click(within(form).getByRole('button', { name: 'Request closure' }));
    expect(await within(form).findByText('Choose the outcome.')).toBeTruthy();
    expect(within(form).getByText('Say why the case can close; the supervisor reads it.')).toBeTruthy();
    expect(gateway.called('RequestClosure')).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText(/^Outcome/), { target: { value: 'EMPLOYED' } });
    fireEvent.change(within(form).getByLabelText(/^Why the case can close/), { target: { value: 'Started full-time work' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Request closure' }));
    await screen.findByText(/The closure was requested/);
    expect(gateway.called('RequestClosure')[0].variables).toEqual({
      input: { clientId: CLIENT_ID, outcome: 'EMPLOYED', nextSteps: null, rationale: 'Started full-time work' },
    });
    const note = await screen.findByRole('note', { name: 'Closure request' });
    expect(note.textContent).toContain('Closure requested, awaiting a supervisor');
    expect(screen.queryByRole('button', { name: 'Request closure' })).toBeNull();
    fireEvent.click(within(note).getByRole('button', { name: 'Withdraw the request' }));
    await screen.findByText('The closure request was withdrawn.');
    expect(gateway.called('WithdrawClosureRequest')[0].variables).toEqual({ requestId: 'req-1' });
    expect(await screen.findByRole('button', { name: 'Request closure' })).toBeTruthy();
  });

  it('lets a case manager close directly when the agency does not ask for approval', async () => {
    const gateway = fakeGateway({
      ...base,
      AgencyClosureSetting: setting(false),
      ClientClosureRequest: () => ({ data: { client: { id: CLIENT_ID, status: 'ACTIVE', closureRequest: null } } }),
    });
    renderApp({ path: `/clients/${CLIENT_ID}`, as: 'casey', gateway });
    expect(await screen.findByRole('button', { name: 'Close the case' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Request closure' })).toBeNull();
  });

  it('gives a supervisor the queue to approve or reject, never their own request, and the agency setting', async () => {
    const queue = (nodes: ClosureQueueQuery['closureRequests']['edges'][number]['node'][]): ClosureQueueQuery => ({
      closureRequests: {
        totalCount: nodes.length,
        pageInfo: { hasNextPage: false, endCursor: null },
        edges: nodes.map((node, i) => ({ cursor: `c${i}`, node })),
      },
    });
    const client = (name: string) => ({
      id: CLIENT_ID,
      displayName: name,
      status: 'ACTIVE' as const,
      assignedCaseManager: { id: STAFF.casey.id, displayName: 'Casey Morgan' },
    });
    let pending = [
      { ...request(), client: client('Dana Fontaine') },
      { ...request({ id: 'req-2', requestedBy: { id: STAFF.sam.id, displayName: 'Sam Okafor' } }), client: client('Eli Brooks') },
    ];
    const gateway = fakeGateway({
      AgencyClosureSetting: setting(false),
      SetClosureNeedsApproval: (v) => ({ data: { setClosureNeedsApproval: { id: 'org-harbour', closureNeedsApproval: v.required } } }),
      ClosureQueue: () => ({ data: queue(pending) }),
      DecideClosure: (v) => {
        const decided = { ...pending[0], status: 'APPROVED' as const, client: { id: CLIENT_ID, status: 'CLOSED' as const } };
        pending = pending.filter((p) => p.id !== v.requestId);
        return { data: { decideClosure: decided } };
      },
    });
    renderApp({ path: '/closures', as: 'sam', gateway });
    const dana = await screen.findByRole('listitem', { name: 'Closure of Dana Fontaine' });
    const eli = screen.getByRole('listitem', { name: 'Closure of Eli Brooks' });
    expect(within(eli).queryByRole('button', { name: /^Approve/ })).toBeNull();
    expect(within(eli).getByText(/another supervisor of the agency decides it/)).toBeTruthy();
    expect(gateway.called('ClosureQueue')[0].variables).toMatchObject({ status: ['PENDING'], first: 20 });

    fireEvent.change(within(dana).getByLabelText(/^Note/), { target: { value: 'Well done' } });
    fireEvent.click(within(dana).getByRole('button', { name: 'Approve the closure of Dana Fontaine' }));
    await screen.findByText('The closure of Dana Fontaine was approved; the case is closed.');
    expect(gateway.called('DecideClosure')[0].variables).toEqual({ requestId: 'req-1', decision: 'APPROVE', note: 'Well done' });
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Closure of Dana Fontaine' })).toBeNull());

    fireEvent.click(screen.getByLabelText(/need a supervisor's approval to close a case/));
    await screen.findByText('Closures now need a supervisor’s approval.');
    expect(gateway.called('SetClosureNeedsApproval')[0].variables).toEqual({ organizationId: 'org-harbour', required: true });
  });
});

describe('the FHIR export', () => {
  it('is offered to supervisors only and downloads the Bundle with the token in the header', async () => {
    const gateway = fakeGateway(base);
    const graphql = gateway.fetch;
    const asked: Array<{ url: string; authorization?: string }> = [];
    gateway.fetch = (async (input: string, init?: { headers?: Record<string, string> }) => {
      if (String(input).startsWith('/fhir/')) {
        asked.push({ url: String(input), authorization: init?.headers?.authorization });
        return { ok: true, status: 200, text: async () => JSON.stringify({ resourceType: 'Bundle', type: 'searchset', entry: [] }) };
      }
      return graphql(input, init);
    }) as unknown as typeof fetch;
    const blobs: Blob[] = [];
    URL.createObjectURL = ((blob: Blob) => {
      blobs.push(blob);
      return 'blob:fhir';
    }) as typeof URL.createObjectURL;
    URL.revokeObjectURL = () => undefined;
    const saved: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    renderApp({ path: `/clients/${CLIENT_ID}`, as: 'sam', gateway });
    fireEvent.click(await screen.findByRole('button', { name: 'Export (FHIR)' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(asked).toEqual([{ url: `/fhir/Patient/${CLIENT_ID}/$everything`, authorization: 'Bearer token-sam' }]);
    expect(saved[0]).toMatch(/^caseflow-dana-fontaine-\d{4}-\d{2}-\d{2}\.fhir\.json$/);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blobs[0]);
    });
    expect(JSON.parse(text)).toMatchObject({ resourceType: 'Bundle' });
    click.mockRestore();
  });

  it('is not offered to a case manager', async () => {
    renderApp({ path: `/clients/${CLIENT_ID}`, as: 'casey', gateway: fakeGateway(base) });
    await screen.findByRole('heading', { level: 1, name: 'Dana Fontaine' });
    expect(screen.queryByRole('button', { name: 'Export (FHIR)' })).toBeNull();
  });
});
