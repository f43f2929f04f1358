/**
 * The case team: staff besides the assigned case manager who work the case
 * (role, since when and by whom, until when). Add a member of the agency with
 * a role and an optional end date; remove one with a reason. Access follows
 * at once on the server.
 */
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useAgencyZone } from '../../../app/session';
import {
  AddCaseTeamMemberDocument,
  AgencyCaseManagersDocument,
  type CaseTeamRole,
  CaseTeamRoleValues,
  type CaseTeamRowFragment,
  ClientCaseTeamDocument,
  RemoveCaseTeamMemberDocument,
} from '../../../graphql/generated';
import { agencyStaff } from '../../../lib/caseload';
import { formatDate } from '../../../lib/dates';
import { formatDateTimeIn } from '../../../lib/zone';
import { label } from '../../../lib/labels';
import { untilDate } from '../../../lib/record';
import { collect, maxLength, required } from '../../../lib/validation';
import { Disclosure } from '../../../ui/disclosure';
import { Empty, QueryView, Success } from '../../../ui/feedback';
import { FormProblems, SelectField, SubmitButton, TextArea, TextField } from '../../../ui/fields';
import { useFormSubmit } from '../../../ui/form';
import { Section } from '../../../ui/page';

const ROLES = CaseTeamRoleValues.map((value) => ({ value, label: label(value) }));

export function CaseTeamPart({ clientId }: { clientId: string }) {
  const [result, refetch] = useQuery({ query: ClientCaseTeamDocument, variables: { id: clientId } });
  const [notice, setNotice] = useState<string | null>(null);
  const client = result.data?.client;
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Section title="Case team">
      {notice ? <Success>{notice}</Success> : null}
      <QueryView result={result} what="the case team" retry={refresh}>
        {() =>
          client ? (
            <>
              <p>
                Assigned case manager: <strong>{client.assignedCaseManager?.displayName ?? 'unassigned'}</strong>. Members of the team read
                and write this client’s record as the case manager does, until they are removed or their end date passes.
              </p>
              {client.caseTeam.length === 0 ? (
                <Empty>Nobody else works this case.</Empty>
              ) : (
                <table className="table case-team">
                  <thead>
                    <tr>
                      <th scope="col">Staff member</th>
                      <th scope="col">Role</th>
                      <th scope="col">Added</th>
                      <th scope="col">Until</th>
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {client.caseTeam.map((m) => (
                      <MemberRow
                        key={m.staffMember.id}
                        clientId={clientId}
                        member={m}
                        onRemoved={() => {
                          setNotice(`${m.staffMember.displayName} was removed from the case team; their access ended.`);
                          refresh();
                        }}
                      />
                    ))}
                  </tbody>
                </table>
              )}
              {client.status !== 'CLOSED' ? (
                <Disclosure label="Add a team member" openLabel="Close the form">
                  {(close) => (
                    <AddMemberForm
                      clientId={clientId}
                      exclude={[client.assignedCaseManager?.id ?? '', ...client.caseTeam.map((m) => m.staffMember.id)]}
                      onDone={(name) => {
                        close();
                        setNotice(`${name} joined the case team.`);
                        refresh();
                      }}
                    />
                  )}
                </Disclosure>
              ) : null}
            </>
          ) : (
            <p>No client has this id.</p>
          )
        }
      </QueryView>
    </Section>
  );
}

function MemberRow({ clientId, member: m, onRemoved }: { clientId: string; member: CaseTeamRowFragment; onRemoved(): void }) {
  const zone = useAgencyZone();
  return (
    <tr>
      <th scope="row" data-label="Staff member">
        {m.staffMember.displayName}
      </th>
      <td data-label="Role">{label(m.role)}</td>
      <td data-label="Added">
        {formatDateTimeIn(m.addedAt, zone)}
        <span className="small block">by {m.addedBy.displayName}</span>
      </td>
      <td data-label="Until">{m.until ? formatDate(m.until) : 'No end date'}</td>
      <td data-label="Actions">
        <Disclosure
          label={
            <>
              Remove<span className="visually-hidden"> {m.staffMember.displayName}</span>
            </>
          }
          openLabel="Keep them"
        >
          {() => <RemoveForm clientId={clientId} member={m} onDone={onRemoved} />}
        </Disclosure>
      </td>
    </tr>
  );
}

function RemoveForm({ clientId, member, onDone }: { clientId: string; member: CaseTeamRowFragment; onDone(): void }) {
  const [reason, setReason] = useState('');
  const [, remove] = useMutation(RemoveCaseTeamMemberDocument);
  const form = useFormSubmit({
    fields: ['reason'],
    strip: /^$/,
    validate: () => ({ reason: required(reason, 'The reason') ?? maxLength(reason, 2000) }),
    send: () => remove({ clientId, staffMemberId: member.staffMember.id, reason: reason.trim() }),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={form.submit} noValidate className="form" aria-label={`Remove ${member.staffMember.displayName}`}>
      <FormProblems message={form.formError} />
      <TextArea
        name="reason"
        label="Why they leave the team"
        required
        rows={2}
        value={reason}
        onChange={setReason}
        error={form.errors.reason}
      />
      <SubmitButton busy={form.busy} busyLabel="Removing…">
        Remove from the team
      </SubmitButton>
    </form>
  );
}

function AddMemberForm({ clientId, exclude, onDone }: { clientId: string; exclude: string[]; onDone(name: string): void }) {
  const zone = useAgencyZone();
  const [staffResult] = useQuery({ query: AgencyCaseManagersDocument, requestPolicy: 'cache-first' });
  const staff = useMemo(() => agencyStaff(staffResult.data).filter((s) => !exclude.includes(s.id)), [staffResult.data, exclude]);
  const [staffMemberId, setStaffMemberId] = useState('');
  const [role, setRole] = useState('');
  const [until, setUntil] = useState('');
  const [, add] = useMutation(AddCaseTeamMemberDocument);
  const form = useFormSubmit({
    fields: ['staffMemberId', 'role', 'until', 'clientId'],
    validate: () =>
      collect({
        staffMemberId: [staffMemberId ? undefined : 'Choose who joins the team.'],
        role: [role ? undefined : 'Choose their role.'],
        until: [untilDate(until, zone)],
      }),
    send: () => add({ input: { clientId, staffMemberId, role: role as CaseTeamRole, until: until || null } }),
    onSuccess: () => onDone(staff.find((s) => s.id === staffMemberId)?.displayName ?? 'The staff member'),
  });
  return (
    <form onSubmit={form.submit} noValidate className="form" aria-label="Add a team member">
      <FormProblems message={form.formError ?? form.errors.clientId} fieldCount={form.fieldCount} />
      <div className="form-grid">
        <SelectField
          name="staffMemberId"
          label="Staff member"
          required
          placeholder={staffResult.fetching ? 'Loading the agency’s staff…' : 'Choose…'}
          hint="Case managers and supervisors of the agency."
          options={staff.map((s) => ({ value: s.id, label: `${s.displayName} (${label(s.role)})` }))}
          value={staffMemberId}
          onChange={setStaffMemberId}
          error={form.errors.staffMemberId}
        />
        <SelectField
          name="role"
          label="Role"
          required
          placeholder="Choose…"
          options={ROLES}
          value={role}
          onChange={setRole}
          error={form.errors.role}
        />
        <TextField
          name="until"
          type="date"
          label="Until"
          hint="Optional: their last day on the team; access ends by itself after it."
          value={until}
          onChange={setUntil}
          error={form.errors.until}
        />
      </div>
      <SubmitButton busy={form.busy}>Add to the team</SubmitButton>
    </form>
  );
}
