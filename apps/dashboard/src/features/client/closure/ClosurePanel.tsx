/**
 * Ending a case. Where the agency needs a supervisor's approval
 * (`Organization.closureNeedsApproval`), a case manager's "Close the case"
 * becomes "Request closure" (outcome, next steps, rationale); the open or
 * latest request is shown, with Withdraw for the person who asked. Everyone
 * else closes as before. A closed case can be re-opened.
 */
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { messageOf } from '../../../api/errors';
import { Link } from '../../../app/router';
import { useAgencyZone, useMe } from '../../../app/session';
import {
  AgencyClosureSettingDocument,
  ClientClosureRequestDocument,
  type ClosureOutcome,
  ClosureOutcomeValues,
  type ClosureRequestFieldsFragment,
  RequestClosureDocument,
  WithdrawClosureRequestDocument,
} from '../../../graphql/generated';
import { label } from '../../../lib/labels';
import { closureMode, closureRequestProblems } from '../../../lib/signoff';
import { formatDateTimeIn } from '../../../lib/zone';
import { Badge } from '../../../ui/badges';
import { Disclosure } from '../../../ui/disclosure';
import { FormProblems, SelectField, SubmitButton, TextArea } from '../../../ui/fields';
import { useFormSubmit } from '../../../ui/form';
import { CloseCaseForm, ReopenForm } from '../forms/CaseStatusForms';

const CLOSURE_CONTEXT = { additionalTypenames: ['ClosureRequest'] };

export function ClosurePanel({ clientId, status, onChanged }: { clientId: string; status: string; onChanged(): void }) {
  const me = useMe();
  // The setting can change while the page is open: asked again each time the part shows.
  const [setting] = useQuery({ query: AgencyClosureSettingDocument, requestPolicy: 'cache-and-network' });
  const [requestResult, refetchRequest] = useQuery({
    query: ClientClosureRequestDocument,
    variables: { id: clientId },
    context: CLOSURE_CONTEXT,
  });
  const [notice, setNotice] = useState<string | null>(null);
  const mode = closureMode(me.role, setting.data?.me.organization?.closureNeedsApproval);
  const request = requestResult.data?.client?.closureRequest ?? null;
  const pending = request?.status === 'PENDING' ? request : null;
  const changed = (text: string) => {
    setNotice(text);
    void refetchRequest({ requestPolicy: 'network-only' });
    onChanged();
  };
  return (
    <>
      {notice ? (
        <p className="notice success" role="status">
          {notice}
        </p>
      ) : null}
      {request && (status !== 'CLOSED' || request.status === 'APPROVED') ? (
        <RequestSummary
          request={request}
          mine={request.requestedBy.id === me.id}
          onWithdrawn={() => changed('The closure request was withdrawn.')}
        />
      ) : null}
      <div className="button-row">
        {status === 'CLOSED' ? (
          <Disclosure label="Re-open the case">
            {(close) => (
              <ReopenForm
                clientId={clientId}
                onDone={() => {
                  close();
                  changed('The case was re-opened.');
                }}
              />
            )}
          </Disclosure>
        ) : pending ? (
          me.role === 'SUPERVISOR' ? (
            <Link to="/closures" className="button secondary small">
              Decide in the closure queue
            </Link>
          ) : null
        ) : mode === 'request' ? (
          <Disclosure label="Request closure">
            {(close) => (
              <RequestClosureForm
                clientId={clientId}
                onDone={() => {
                  close();
                  changed('The closure was requested. A supervisor of the agency approves or rejects it; the case stays open until then.');
                }}
              />
            )}
          </Disclosure>
        ) : (
          <Disclosure label="Close the case">
            {(close) => (
              <CloseCaseForm
                clientId={clientId}
                onDone={() => {
                  close();
                  changed('The case was closed.');
                }}
              />
            )}
          </Disclosure>
        )}
      </div>
    </>
  );
}

function RequestSummary({ request: r, mine, onWithdrawn }: { request: ClosureRequestFieldsFragment; mine: boolean; onWithdrawn(): void }) {
  const zone = useAgencyZone();
  const [result, withdraw] = useMutation(WithdrawClosureRequestDocument);
  const title =
    r.status === 'PENDING'
      ? 'Closure requested, awaiting a supervisor'
      : r.status === 'REJECTED'
        ? 'The last closure request was rejected'
        : r.status === 'WITHDRAWN'
          ? 'The last closure request was withdrawn'
          : 'Closure approved';
  return (
    <div className={`notice ${r.status === 'REJECTED' ? 'warning' : 'muted'} closure-request`} role="note" aria-label="Closure request">
      <p>
        <Badge value={r.status} /> <strong>{title}.</strong> Requested by {r.requestedBy.displayName} on{' '}
        {formatDateTimeIn(r.requestedAt, zone)}: {label(r.outcome)}.
      </p>
      <p>Rationale: {r.rationale}</p>
      {r.nextSteps ? <p>Next steps: {r.nextSteps}</p> : null}
      {r.decidedBy && r.decidedAt ? (
        <p>
          {r.status === 'WITHDRAWN' ? 'Withdrawn' : `${label(r.status)}`} by {r.decidedBy.displayName} on{' '}
          {formatDateTimeIn(r.decidedAt, zone)}
          {r.decisionNote ? `: ${r.decisionNote}` : '.'}
        </p>
      ) : null}
      {r.status === 'PENDING' && mine ? (
        <>
          <button
            type="button"
            className="button secondary small"
            disabled={result.fetching}
            onClick={() => void withdraw({ requestId: r.id }).then((x) => !x.error && onWithdrawn())}
          >
            {result.fetching ? 'Withdrawing…' : 'Withdraw the request'}
          </button>
          {result.error ? (
            <p className="field-error" role="alert">
              {messageOf(result.error)}
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

export function RequestClosureForm({ clientId, onDone }: { clientId: string; onDone(): void }) {
  const [outcome, setOutcome] = useState<ClosureOutcome | ''>('');
  const [nextSteps, setNextSteps] = useState('');
  const [rationale, setRationale] = useState('');
  const [, request] = useMutation(RequestClosureDocument);
  const form = useFormSubmit({
    fields: ['outcome', 'nextSteps', 'rationale'],
    validate: () => closureRequestProblems({ outcome, nextSteps, rationale }),
    send: () =>
      request({
        input: { clientId, outcome: outcome as ClosureOutcome, nextSteps: nextSteps.trim() || null, rationale: rationale.trim() },
      }),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={form.submit} noValidate className="form" aria-label="Request closure">
      <FormProblems message={form.formError} fieldCount={form.fieldCount} />
      <p className="small">The agency asks a supervisor to approve each closure. The case stays open until one does.</p>
      <SelectField
        name="outcome"
        label="Outcome"
        required
        value={outcome}
        onChange={(o) => setOutcome(o as ClosureOutcome)}
        placeholder="Choose…"
        options={ClosureOutcomeValues.map((o) => ({ value: o, label: label(o) }))}
        error={form.errors.outcome}
      />
      <TextArea name="nextSteps" label="Recommended next steps" value={nextSteps} onChange={setNextSteps} error={form.errors.nextSteps} />
      <TextArea
        name="rationale"
        label="Why the case can close"
        required
        hint="For the supervisor who decides."
        value={rationale}
        onChange={setRationale}
        error={form.errors.rationale}
      />
      <SubmitButton busy={form.busy} busyLabel="Sending…">
        Request closure
      </SubmitButton>
    </form>
  );
}
