/**
 * The client's agreement to a plan: the version they agreed to, how, when and
 * who recorded it — or "awaiting agreement" — a form to record it on the
 * version shown (a stale version is the server's CONFLICT, said plainly), and
 * the earlier agreements. Any revision of the plan asks for agreement again.
 */
import { useState } from 'react';
import { useMutation } from 'urql';
import { codeOf, fieldErrors, messageOf } from '../../../api/errors';
import {
  type AgreementFieldsFragment,
  type AgreementMethod,
  AgreementMethodValues,
  RecordPlanAgreementDocument,
} from '../../../graphql/generated';
import { formatDateTime } from '../../../lib/dates';
import { label } from '../../../lib/labels';
import { maxLength } from '../../../lib/validation';
import { Disclosure } from '../../../ui/disclosure';
import { SelectField, SubmitButton, TextArea } from '../../../ui/fields';

const METHOD_WORDS: Record<AgreementMethod, string> = {
  IN_PERSON_SIGNATURE: 'Signed in person',
  VERBAL: 'Agreed verbally',
  ELECTRONIC: 'Agreed electronically',
};

export const methodText = (m: AgreementMethod) => METHOD_WORDS[m] ?? label(m);

interface AgreementPlan {
  id: string;
  status: string;
  version: number;
  agreement?: AgreementFieldsFragment | null;
  agreementHistory?: AgreementFieldsFragment[] | null;
}

export function AgreementPanel({ plan, onChanged, onConflict }: { plan: AgreementPlan; onChanged(m: string): void; onConflict(): void }) {
  const open = plan.status === 'ACTIVE' || plan.status === 'DRAFT';
  const current = plan.agreement && plan.agreement.planVersion === plan.version ? plan.agreement : null;
  const history = [...(plan.agreementHistory ?? [])].sort((a, b) => b.agreedAt.localeCompare(a.agreedAt));
  return (
    <section className="agreement" aria-label="Client's agreement">
      {current ? (
        <p>
          <span className="badge badge-agreed">Agreed</span> The client agreed to version {current.planVersion} on{' '}
          {formatDateTime(current.agreedAt)} ({methodText(current.method).toLowerCase()}), recorded by {current.recordedBy.displayName}.
          {current.note ? <span className="block small">Note: {current.note}</span> : null}
        </p>
      ) : open ? (
        <p>
          <span className="badge badge-awaiting-agreement">Awaiting agreement</span> The client has not agreed to version {plan.version} of
          this plan yet.
          {history.length ? ' The plan was revised after their last agreement: go through the changes with them.' : ''}
        </p>
      ) : null}
      {open && !current ? (
        <Disclosure label="Record the client's agreement" openLabel="Close the form">
          {(close) => (
            <AgreementForm
              plan={plan}
              onConflict={onConflict}
              onDone={() => {
                close();
                onChanged(`The client's agreement to version ${plan.version} of the plan was recorded.`);
              }}
            />
          )}
        </Disclosure>
      ) : null}
      {history.length ? (
        <details className="agreement-history">
          <summary>Agreements ({history.length})</summary>
          <ol>
            {history.map((a) => (
              <li key={`${a.planVersion}-${a.agreedAt}`}>
                <span className="small">
                  v{a.planVersion} · {formatDateTime(a.agreedAt)} · {methodText(a.method)} · recorded by {a.recordedBy.displayName}
                </span>
                {a.note ? <p>{a.note}</p> : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}

function AgreementForm({ plan, onDone, onConflict }: { plan: AgreementPlan; onDone(): void; onConflict(): void }) {
  const [method, setMethod] = useState<AgreementMethod | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ method?: string; note?: string }>({});
  const [problem, setProblem] = useState<{ conflict: boolean; text: string } | null>(null);
  const [result, record] = useMutation(RecordPlanAgreementDocument);
  return (
    <form
      className="form"
      noValidate
      aria-label="Record the client's agreement"
      onSubmit={(e) => {
        e.preventDefault();
        const found = { method: method ? undefined : 'Choose how the client agreed.', note: maxLength(note, 2000) };
        setErrors(found);
        setProblem(null);
        if (found.method || found.note) return;
        void record({ planId: plan.id, expectedVersion: plan.version, method: method as AgreementMethod, note: note.trim() || null }).then(
          (r) => {
            if (!r.error) return onDone();
            const conflict = r.error.graphQLErrors.some((g) => codeOf(g) === 'CONFLICT');
            if (conflict) {
              setProblem({
                conflict: true,
                text: `This plan changed after version ${plan.version} was opened, so the agreement was not recorded. The latest version is shown now: go through it with the client, then record their agreement to it.`,
              });
              onConflict();
              return;
            }
            const byField = fieldErrors(r.error);
            setErrors({ method: byField.method, note: byField.note });
            setProblem({ conflict: false, text: messageOf(r.error) });
          },
        );
      }}
    >
      {problem ? (
        <p className={`notice ${problem.conflict ? 'warning' : 'error'}`} role="alert">
          {problem.conflict ? <strong>Conflict: </strong> : null}
          {problem.text}
        </p>
      ) : null}
      <p className="small">The agreement is to version {plan.version}, as shown above.</p>
      <SelectField
        name="agreementMethod"
        label="How the client agreed"
        required
        value={method}
        onChange={(m) => setMethod(m as AgreementMethod)}
        placeholder="Choose…"
        options={AgreementMethodValues.map((m) => ({ value: m, label: methodText(m) }))}
        error={errors.method}
      />
      <TextArea name="agreementNote" label="Note" hint="Optional." rows={2} value={note} onChange={setNote} error={errors.note} />
      <SubmitButton busy={result.fetching} busyLabel="Recording…">
        Record the agreement
      </SubmitButton>
    </form>
  );
}
