/**
 * A supervisor moves clients from one case manager to another of the agency
 * in one step: pick the clients (or every open one), give the reason, confirm;
 * the API moves all of them or none, and a refusal names the client it is
 * about. The result says how many moved and links to each.
 */
import { type FormEvent, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { formFieldErrors, messageOf } from '../../api/errors';
import { Link } from '../../app/router';
import {
  AgencyCaseManagersDocument,
  TransferCandidatesDocument,
  TransferCaseloadDocument,
  type TransferCaseloadMutation,
} from '../../graphql/generated';
import { agencyStaff } from '../../lib/caseload';
import { label, plural } from '../../lib/labels';
import { type TransferValues, transferErrors } from '../../lib/record';
import { Empty, QueryView, Success } from '../../ui/feedback';
import { ChoiceGroup, FormProblems, SelectField, TextArea, focusFirstInvalid } from '../../ui/fields';
import { Page, Section } from '../../ui/page';

const EMPTY: TransferValues = { fromStaffMemberId: '', toStaffMemberId: '', all: false, clientIds: [], reason: '' };
/** What moved, and who the notifications service tells: the receiving case manager only (one CLIENT_ASSIGNED), never the one they left. */
type Moved = TransferCaseloadMutation['transferCaseload'] & { from: string; to: string };

export function TransferPage() {
  const [values, setValues] = useState<TransferValues>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [moved, setMoved] = useState<Moved | null>(null);
  const [staffResult] = useQuery({ query: AgencyCaseManagersDocument, requestPolicy: 'cache-first' });
  const staff = useMemo(() => agencyStaff(staffResult.data).filter((s) => s.role === 'CASE_MANAGER'), [staffResult.data]);
  const [candidates, refetchCandidates] = useQuery({
    query: TransferCandidatesDocument,
    variables: { staffMemberId: values.fromStaffMemberId },
    pause: !values.fromStaffMemberId,
    requestPolicy: 'network-only',
  });
  const open = candidates.data?.clients.edges.map((e) => e.node) ?? [];
  const [sending, transfer] = useMutation(TransferCaseloadDocument);
  const nameOf = (id: string) => staff.find((s) => s.id === id)?.displayName ?? 'the case manager';
  const count = values.all ? open.length : values.clientIds.length;

  const set = (patch: Partial<TransferValues>) => {
    setValues({ ...values, ...patch });
    setConfirming(false);
    setErrors({});
  };

  const check = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const found = Object.fromEntries(Object.entries(transferErrors(values)).filter(([, v]) => v)) as Record<string, string>;
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length) {
      requestAnimationFrame(() => focusFirstInvalid(form));
      return;
    }
    if (!confirming) {
      setConfirming(true);
      return;
    }
    const ids = values.all ? null : values.clientIds;
    void transfer({
      input: {
        fromStaffMemberId: values.fromStaffMemberId,
        toStaffMemberId: values.toStaffMemberId,
        clientIds: ids,
        reason: values.reason.trim(),
      },
    }).then((result) => {
      setConfirming(false);
      if (result.error) {
        const byField = formFieldErrors(result.error, (name) =>
          /^(fromStaffMemberId|toStaffMemberId|reason|clientIds(\[\d+\])?)$/.test(name),
        );
        const { _form, ...fields } = byField;
        const named: Record<string, string> = {};
        for (const [field, message] of Object.entries(fields)) {
          const index = /^clientIds\[(\d+)\]$/.exec(field);
          if (index && ids) {
            const client = open.find((c) => c.id === ids[Number(index[1])]);
            named.clientIds = `${client?.displayName ?? `Client ${ids[Number(index[1])]}`} cannot be moved: ${message.charAt(0).toLowerCase()}${message
              .slice(1)
              .replace(/\.$/, '')
              .replace(/input\.fromStaffMemberId/g, nameOf(values.fromStaffMemberId))}. Nothing was moved.`;
          } else named[field] = message;
        }
        setErrors(named);
        setFormError(Object.keys(named).length ? (_form ?? null) : (_form ?? messageOf(result.error)));
        requestAnimationFrame(() => focusFirstInvalid(form));
        return;
      }
      const done = result.data?.transferCaseload;
      setMoved(done ? { ...done, from: nameOf(values.fromStaffMemberId), to: nameOf(values.toStaffMemberId) } : null);
      setValues({ ...EMPTY, fromStaffMemberId: values.fromStaffMemberId });
      refetchCandidates({ requestPolicy: 'network-only' });
    });
  };

  return (
    <Page title="Transfer clients" subtitle="Move clients between case managers of the agency, all at once or not at all.">
      {moved ? (
        <Success>
          {plural(moved.movedCount, 'client')} moved
          {` to ${moved.clients[0]?.assignedCaseManager?.displayName ?? moved.to}`}:{' '}
          {moved.clients.map((c, i) => (
            <span key={c.id}>
              {i ? ', ' : ''}
              <Link to={`/clients/${c.id}`}>{c.displayName}</Link>
            </span>
          ))}
          .{' '}
          {moved.movedCount > 0 ? (
            <>
              Notified: {moved.to}, once for all of them. {moved.from} was not notified.
            </>
          ) : (
            'Nobody was notified.'
          )}
        </Success>
      ) : null}
      <form onSubmit={check} noValidate className="form" aria-label="Transfer clients">
        <FormProblems message={formError} fieldCount={Object.keys(errors).length} />
        <div className="form-grid">
          <SelectField
            name="fromStaffMemberId"
            label="From case manager"
            required
            placeholder={staffResult.fetching ? 'Loading the agency’s case managers…' : 'Choose…'}
            options={staff.map((s) => ({ value: s.id, label: s.displayName }))}
            value={values.fromStaffMemberId}
            onChange={(v) => set({ fromStaffMemberId: v, clientIds: [], all: false })}
            error={errors.fromStaffMemberId}
          />
          <SelectField
            name="toStaffMemberId"
            label="To case manager"
            required
            placeholder="Choose…"
            options={staff.filter((s) => s.id !== values.fromStaffMemberId).map((s) => ({ value: s.id, label: s.displayName }))}
            value={values.toStaffMemberId}
            onChange={(v) => set({ toStaffMemberId: v })}
            error={errors.toStaffMemberId}
          />
        </div>
        {values.fromStaffMemberId ? (
          <Section title={`Open clients of ${nameOf(values.fromStaffMemberId)}`} level={2}>
            <QueryView result={candidates} what="the open clients" retry={() => refetchCandidates({ requestPolicy: 'network-only' })}>
              {() =>
                open.length === 0 ? (
                  <Empty>{nameOf(values.fromStaffMemberId)} has no open clients.</Empty>
                ) : (
                  <>
                    <ChoiceGroup
                      legend="Which clients"
                      name="scope"
                      type="radio"
                      inline
                      options={[
                        { value: 'some', label: 'The clients I pick' },
                        {
                          value: 'all',
                          label: candidates.data?.clients.pageInfo.hasNextPage ? 'Every open client' : `Every open client (${open.length})`,
                        },
                      ]}
                      value={[values.all ? 'all' : 'some']}
                      onChange={([v]) => set({ all: v === 'all' })}
                    />
                    {values.all ? null : (
                      <ChoiceGroup
                        legend="Clients to move"
                        name="clientIds"
                        type="checkbox"
                        options={open.map((c) => ({ value: c.id, label: `${c.displayName} (${label(c.status)})` }))}
                        value={values.clientIds}
                        onChange={(ids) => set({ clientIds: ids })}
                        error={errors.clientIds}
                      />
                    )}
                    {values.all && errors.clientIds ? <p className="field-error">{errors.clientIds}</p> : null}
                    {candidates.data?.clients.pageInfo.hasNextPage ? (
                      <p className="hint">The first 100 open clients are listed; “Every open client” moves all of them.</p>
                    ) : null}
                  </>
                )
              }
            </QueryView>
          </Section>
        ) : null}
        <TextArea
          name="reason"
          label="Reason"
          required
          rows={3}
          hint="Recorded in each client’s audit trail."
          value={values.reason}
          onChange={(v) => set({ reason: v })}
          error={errors.reason}
        />
        {confirming ? (
          <div className="notice warning" role="alert">
            <p>
              Move {values.all ? 'every open client' : plural(count, 'client')} from {nameOf(values.fromStaffMemberId)} to{' '}
              {nameOf(values.toStaffMemberId)}? {nameOf(values.toStaffMemberId)} is notified once; {nameOf(values.fromStaffMemberId)} is not
              notified.
            </p>
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={sending.fetching}>
            {sending.fetching ? 'Moving…' : confirming ? 'Confirm the transfer' : 'Transfer'}
          </button>
          {confirming ? (
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              Not now
            </button>
          ) : null}
        </div>
      </form>
    </Page>
  );
}
