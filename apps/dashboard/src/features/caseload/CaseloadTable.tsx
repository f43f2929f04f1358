/** The caseload's rows: priority with reasons, follow-up, plan progress, open referrals, and (supervisors) reassignment. */
import { useState } from 'react';
import { useMutation } from 'urql';
import { type CombinedErrorLike, errorsUnder, messageOf } from '../../api/errors';
import { Link } from '../../app/router';
import { useAgencyZone, useMe } from '../../app/session';
import { AssignCaseManagerDocument } from '../../graphql/generated';
import type { StaffOption } from '../../lib/caseload';
import { relativeDays } from '../../lib/dates';
import { daysUntilIn, formatDateTimeIn } from '../../lib/zone';
import { label, plural } from '../../lib/labels';
import { awaitingAgreement } from '../../lib/signoff';
import { maxLength, required } from '../../lib/validation';
import { Badge, PriorityBadge, ProgressBar } from '../../ui/badges';
import { ColumnsMissing, Empty } from '../../ui/feedback';
import type { CaseloadRow } from './CaseloadPage';

export function CaseloadTable({
  rows,
  root,
  error,
  supervisor,
  staff,
  onChanged,
  onRetry,
}: {
  rows: CaseloadRow[];
  root: string;
  error: CombinedErrorLike | undefined;
  supervisor: boolean;
  staff: StaffOption[];
  onChanged(message: string): void;
  onRetry(): void;
}) {
  if (rows.length === 0) return <Empty>No clients on this page. Change the filters to see more.</Empty>;
  const owner: Record<string, string> = { activePlan: 'plans', referrals: 'referrals' };
  const missing = (i: number, field: string) => errorsUnder(error, [root, 'edges', i, 'node', field], owner[field]).length > 0;
  const plansDown = rows.some((_, i) => missing(i, 'activePlan'));
  const referralsDown = rows.some((_, i) => missing(i, 'referrals'));
  return (
    <>
      {plansDown || referralsDown ? (
        <ColumnsMissing
          missing={`${[plansDown ? 'Plan progress' : '', referralsDown ? 'open referrals' : ''].filter(Boolean).join(' and ')} could not be loaded right now.`}
          rest="The rest of the caseload is up to date."
          onRetry={onRetry}
        />
      ) : null}
      <table className="table caseload">
        <caption className="visually-hidden">Clients, most urgent first</caption>
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Priority and why</th>
            <th scope="col">Next follow-up</th>
            <th scope="col">Active plan</th>
            <th scope="col">Open referrals</th>
            {supervisor ? <th scope="col">Case manager</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((c, i) => (
            <tr key={c.id}>
              <th scope="row" data-label="Client">
                <Link to={`/clients/${c.id}`} className="client-link">
                  {c.displayName}
                </Link>
                <Badge value={c.status} />
              </th>
              <td data-label="Priority">
                <PriorityBadge level={c.priority.level} score={c.priority.score} />
                {c.priority.reasons.length ? (
                  <ul className="reasons">
                    {c.priority.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted"> Nothing pressing</span>
                )}
              </td>
              <td data-label="Next follow-up">
                <FollowUp at={c.nextFollowUpAt} />
              </td>
              <td data-label="Active plan">
                {missing(i, 'activePlan') ? (
                  <span className="muted">Unavailable</span>
                ) : c.activePlan ? (
                  <>
                    <ProgressBar percent={c.activePlan.progress.percentComplete} label={`Plan progress of ${c.displayName}`} />
                    <span className="small">
                      {c.activePlan.progress.stepsComplete} of {plural(c.activePlan.progress.stepsTotal, 'step')} done
                      {c.activePlan.progress.overdueSteps ? (
                        <strong className="overdue"> · {c.activePlan.progress.overdueSteps} overdue</strong>
                      ) : null}
                    </span>
                    {awaitingAgreement({ status: 'ACTIVE', ...c.activePlan }) ? (
                      <span className="badge badge-awaiting-agreement">Awaiting agreement</span>
                    ) : null}
                  </>
                ) : (
                  <span className="muted">No active plan</span>
                )}
              </td>
              <td data-label="Open referrals">
                {missing(i, 'referrals') ? (
                  <span className="muted">Unavailable</span>
                ) : c.referrals?.length ? (
                  <ul className="plain">
                    {c.referrals.map((r) => (
                      <li key={r.id}>
                        {r.service ? `${r.service.name} (${r.service.organization.name})` : 'Service unavailable'}{' '}
                        <Badge value={r.status} />
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">None</span>
                )}
              </td>
              {supervisor ? (
                <td data-label="Case manager">
                  <Reassign client={c} staff={staff} onDone={onChanged} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function FollowUp({ at }: { at: string | null }) {
  const zone = useAgencyZone();
  if (!at) return <span className="muted">Not scheduled</span>;
  const days = daysUntilIn(at, zone);
  return (
    <span className={days < 0 ? 'overdue' : undefined}>
      {formatDateTimeIn(at, zone)}
      <span className="small"> ({days < 0 ? `overdue, ${relativeDays(days)}` : relativeDays(days)})</span>
    </span>
  );
}

/**
 * A supervisor reassigns one client: the case manager and a reason (kept on
 * the case's history), then says who was notified — the notifications
 * service tells the new case manager only (never the one who reassigned),
 * not the previous one.
 */
function Reassign({ client, staff, onDone }: { client: CaseloadRow; staff: StaffOption[]; onDone(message: string): void }) {
  const me = useMe();
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [result, assign] = useMutation(AssignCaseManagerDocument);
  const id = `reassign-${client.id}`;
  const others = staff.filter((s) => s.id !== client.assignedCaseManager?.id);
  const nameOf = (staffId: string) => staff.find((s) => s.id === staffId)?.displayName ?? 'the new case manager';
  return (
    <div className="reassign">
      <span>{client.assignedCaseManager?.displayName ?? 'Unassigned'}</span>
      <form
        className="inline-form compact"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!target) return;
          const problem = required(reason, 'The reason') ?? maxLength(reason, 2000) ?? null;
          setReasonError(problem);
          if (problem) {
            document.getElementById(`${id}-reason`)?.focus();
            return;
          }
          void assign({ clientId: client.id, staffMemberId: target, reason: reason.trim() }).then((r) => {
            if (r.error) return;
            const previous = client.assignedCaseManager?.displayName;
            const told = target === me.id ? 'Nobody was notified.' : `Notified: ${nameOf(target)}.`;
            setTarget('');
            setReason('');
            onDone(`${client.displayName} is now with ${nameOf(target)}. ${told}${previous ? ` ${previous} was not notified.` : ''}`);
          });
        }}
      >
        <label htmlFor={id} className="visually-hidden">
          Reassign {client.displayName} to
        </label>
        <select id={id} value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">Reassign to…</option>
          {others.map((s) => (
            <option key={s.id} value={s.id}>
              {s.displayName} ({label(s.role)})
            </option>
          ))}
        </select>
        {target ? (
          <>
            <label htmlFor={`${id}-reason`} className="visually-hidden">
              Why {client.displayName} moves (required)
            </label>
            <input
              id={`${id}-reason`}
              type="text"
              placeholder="Reason"
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonError(null);
              }}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `${id}-reason-error` : undefined}
            />
          </>
        ) : null}
        <button type="submit" className="button secondary small" disabled={!target || result.fetching}>
          {result.fetching ? 'Reassigning…' : 'Reassign'}
        </button>
      </form>
      {reasonError ? (
        <p className="field-error" id={`${id}-reason-error`}>
          {reasonError}
        </p>
      ) : null}
      {result.error ? (
        <p className="field-error" role="alert">
          {messageOf(result.error)}
        </p>
      ) : null}
    </div>
  );
}
