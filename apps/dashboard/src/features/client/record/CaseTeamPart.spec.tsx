import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CaseTeamRowFragment, Role } from '../../../graphql/generated';
import { addDays, todayInZone } from '../../../lib/zone';
import { seriousViolations } from '../../../testing/axe';
import { CLIENT_ID, agencyStaffReply, profile } from '../../../testing/fixtures';
import { STAFF, fakeGateway, renderApp } from '../../../testing/harness';

const ZONE = 'America/Halifax';
const JORDAN = { id: '22222222-2222-4222-8222-222222222222', displayName: 'Jordan Lee', role: 'CASE_MANAGER' as Role };
const RILEY = { id: '55555555-5555-4555-8555-555555555555', displayName: 'Riley Chen', role: 'CASE_MANAGER' as Role };
const casey = { id: STAFF.casey.id, displayName: STAFF.casey.displayName, role: 'CASE_MANAGER' as Role };

function member(staff: typeof JORDAN, until: string | null): CaseTeamRowFragment {
  return {
    role: 'SPECIALIST',
    addedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    until,
    staffMember: staff,
    addedBy: { id: STAFF.sam.id, displayName: 'Sam Okafor' },
  };
}

// A deactivated colleague is never offered.
const agency = () =>
  agencyStaffReply([
    casey,
    JORDAN,
    RILEY,
    { id: '66666666-6666-4666-8666-666666666666', displayName: 'Dana Departed', role: 'CASE_MANAGER', active: false },
  ]);

describe('the case team', () => {
  it('lists members, adds one of the agency’s staff with a role and a last day, and removes one with a reason', async () => {
    const today = todayInZone(ZONE);
    let team = [member(JORDAN, addDays(today, 30))];
    const teamReply = () => ({
      data: { client: { id: CLIENT_ID, status: 'ACTIVE', assignedCaseManager: casey, caseTeam: team } },
    });
    const gateway = fakeGateway({
      ClientProfile: () => ({ data: profile() }),
      ClientCaseTeam: teamReply,
      AgencyCaseManagers: agency,
      AddCaseTeamMember: () => {
        team = [...team, { ...member(RILEY, null), role: 'PEER_SUPPORT' }];
        return { data: { addCaseTeamMember: { id: CLIENT_ID, caseTeam: team } } };
      },
      RemoveCaseTeamMember: () => {
        team = team.filter((m) => m.staffMember.id !== JORDAN.id);
        return { data: { removeCaseTeamMember: { id: CLIENT_ID, caseTeam: team } } };
      },
    });
    const { container } = renderApp({ path: `/clients/${CLIENT_ID}?tab=team`, as: 'sam', gateway });
    const row = (await screen.findByRole('rowheader', { name: 'Jordan Lee' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('Specialist')).toBeTruthy();
    expect(within(row).getByText('by Sam Okafor')).toBeTruthy();
    expect(await seriousViolations(container)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Add a team member' }));
    const form = screen.getByRole('form', { name: 'Add a team member' });
    const picker = within(form).getByLabelText(/^Staff member/) as HTMLSelectElement;
    // The assigned case manager, current members and deactivated colleagues are not offered.
    await waitFor(() => expect([...picker.options].map((o) => o.text)).toEqual(['Choose…', 'Riley Chen (Case manager)']));
    fireEvent.change(within(form).getByLabelText(/^Until/), { target: { value: addDays(today, -1) } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add to the team' }));
    expect(await within(form).findByText('Choose who joins the team.')).toBeTruthy();
    expect(within(form).getByText('Choose their role.')).toBeTruthy();
    expect(within(form).getByText('Choose a day between today and two years ahead.')).toBeTruthy();
    expect(gateway.called('AddCaseTeamMember')).toHaveLength(0);
    fireEvent.change(picker, { target: { value: RILEY.id } });
    fireEvent.change(within(form).getByLabelText(/^Role/), { target: { value: 'PEER_SUPPORT' } });
    fireEvent.change(within(form).getByLabelText(/^Until/), { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add to the team' }));
    expect(await screen.findByText('Riley Chen joined the case team.')).toBeTruthy();
    expect(gateway.called('AddCaseTeamMember')[0].variables.input).toEqual({
      clientId: CLIENT_ID,
      staffMemberId: RILEY.id,
      role: 'PEER_SUPPORT',
      until: null,
    });

    fireEvent.click(within(row).getByRole('button', { name: 'Remove Jordan Lee' }));
    const remove = screen.getByRole('form', { name: 'Remove Jordan Lee' });
    fireEvent.click(within(remove).getByRole('button', { name: 'Remove from the team' }));
    expect(await within(remove).findByText('The reason is required.')).toBeTruthy();
    fireEvent.change(within(remove).getByLabelText(/^Why they leave the team/), { target: { value: 'Specialist assessment done' } });
    fireEvent.click(within(remove).getByRole('button', { name: 'Remove from the team' }));
    expect(await screen.findByText('Jordan Lee was removed from the case team; their access ended.')).toBeTruthy();
    expect(gateway.called('RemoveCaseTeamMember')[0].variables).toEqual({
      clientId: CLIENT_ID,
      staffMemberId: JORDAN.id,
      reason: 'Specialist assessment done',
    });
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'Jordan Lee' })).toBeNull());
  });
});

describe('a client’s audit trail', () => {
  it('is for supervisors: linked from the client file, newest first, denials marked, in pages', async () => {
    const at = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const event = (n: number, patch: Record<string, unknown> = {}) => ({
      at: at(n),
      source: 'clients',
      actorId: STAFF.casey.id,
      actorRole: 'CASE_MANAGER',
      action: 'READ',
      entityType: 'Client',
      entityId: CLIENT_ID,
      outcome: 'ALLOWED',
      detail: null,
      requestId: `req-${n}`,
      ...patch,
    });
    const gateway = fakeGateway({
      ClientProfile: () => ({ data: profile() }),
      StaffName: (v) => ({ data: { staffMember: v.id === STAFF.casey.id ? { id: STAFF.casey.id, displayName: 'Casey Morgan' } : null } }),
      ClientAuditTrail: (v) => ({
        data: {
          clientAuditTrail: v.after
            ? { pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ cursor: 'e3', node: event(90, { action: 'UPDATE' }) }] }
            : {
                pageInfo: { hasNextPage: true, endCursor: 'e2' },
                edges: [
                  { cursor: 'e1', node: event(5, { actorId: STAFF.pat.id, actorRole: 'PARTNER', outcome: 'DENIED', source: 'plans' }) },
                  { cursor: 'e2', node: event(10, { detail: 'noteReads: 3' }) },
                ],
              },
        },
      }),
    });
    renderApp({ path: `/clients/${CLIENT_ID}`, as: 'sam', gateway });
    fireEvent.click(await screen.findByRole('link', { name: 'Audit trail' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Audit trail: Dana Fontaine' })).toBeTruthy();
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0].className).toBe('row-warning');
    expect(within(rows[0]).getByText('Denied')).toBeTruthy();
    expect(within(rows[0]).getByText('plans')).toBeTruthy();
    expect(within(rows[0]).getByText(`Staff ${STAFF.pat.id.slice(0, 8)}`)).toBeTruthy();
    expect(await within(rows[1]).findByText('Casey Morgan')).toBeTruthy();
    expect(within(rows[1]).getByText('noteReads: 3')).toBeTruthy();
    expect(gateway.called('ClientAuditTrail')[0].variables).toEqual({ clientId: CLIENT_ID, first: 50, after: null });
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Update')).toBeTruthy();
    expect(gateway.called('ClientAuditTrail').at(-1)?.variables).toEqual({ clientId: CLIENT_ID, first: 50, after: 'e2' });
  });

  it('is not offered to a case manager, and its address says so', async () => {
    const gateway = fakeGateway({ ClientProfile: () => ({ data: profile() }) });
    renderApp({ path: `/clients/${CLIENT_ID}`, as: 'casey', gateway });
    expect(await screen.findByRole('heading', { level: 1, name: 'Dana Fontaine' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Audit trail' })).toBeNull();
    renderApp({ path: `/clients/${CLIENT_ID}/audit`, as: 'casey', gateway });
    expect(await screen.findByRole('heading', { name: 'Not available to your role' })).toBeTruthy();
    expect(gateway.called('ClientAuditTrail')).toHaveLength(0);
  });
});
