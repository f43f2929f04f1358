/**
 * A needs assessment: each characteristic of the agency's checklist rated as
 * an asset, a barrier or not applicable, by domain; a barrier gets its plan
 * to compensate (how, by when, who helps). Starts from the latest assessment
 * when there is one, so a reassessment changes only what changed.
 */
import { useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  AssessmentChecklistDocument,
  type AssessmentDomain,
  type AssessmentItemInput,
  AssessmentDomainValues,
  type AssessmentRating,
  RecordAssessmentDocument,
} from '../../graphql/generated';
import {
  type Answer,
  type Answers,
  type Characteristic,
  EMPTY_ANSWER,
  answerKey,
  assessmentErrors,
  assessmentItems,
  byDomain,
} from '../../lib/assessment';
import { label } from '../../lib/labels';
import { maxLength, required } from '../../lib/validation';
import { ErrorNotice, Loading } from '../../ui/feedback';
import { FormProblems, SelectField, SubmitButton, TextArea, TextField } from '../../ui/fields';
import { useFormSubmit } from '../../ui/form';
import { useDraft } from '../../ui/hooks';

const RATINGS: Array<{ value: AssessmentRating | ''; text: string }> = [
  { value: 'ASSET', text: 'Asset' },
  { value: 'BARRIER', text: 'Barrier' },
  { value: 'NOT_APPLICABLE', text: 'Not applicable' },
  { value: '', text: 'Not rated' },
];

export interface PreviousItem {
  domain: AssessmentDomain;
  characteristic: string;
  rating: AssessmentRating;
  notes: string | null;
  planToCompensate: { how: string; byWhen: string | null; whoHelps: string | null } | null;
}

function fromPrevious(items: PreviousItem[]): Answers {
  const answers: Answers = {};
  for (const i of items) {
    answers[answerKey({ domain: i.domain, name: i.characteristic })] = {
      rating: i.rating,
      notes: i.notes ?? '',
      how: i.planToCompensate?.how ?? '',
      byWhen: i.planToCompensate?.byWhen ?? '',
      whoHelps: i.planToCompensate?.whoHelps ?? '',
    };
  }
  return answers;
}

export function AssessmentForm({ clientId, previous, onDone }: { clientId: string; previous: PreviousItem[]; onDone(): void }) {
  const [checklistResult, retry] = useQuery({ query: AssessmentChecklistDocument, requestPolicy: 'cache-first' });
  const [draft, setDraft, clear] = useDraft(`assessment.${clientId}`, () => ({
    answers: fromPrevious(previous),
    summary: '',
    own: [] as Characteristic[],
  }));
  const [, record] = useMutation(RecordAssessmentDocument);
  const checklist = useMemo<Characteristic[]>(() => {
    const listed = (checklistResult.data?.assessmentChecklist ?? []).map((c) => ({ domain: c.domain, name: c.name }));
    const extra = draft.own.filter((o) => !listed.some((c) => answerKey(c) === answerKey(o)));
    return [...listed, ...extra];
  }, [checklistResult.data, draft.own]);

  const sent = useRef<AssessmentItemInput[]>([]);
  const form = useFormSubmit({
    fields: (name) => name === 'items' || name === 'summary' || /^items\[\d+\]/.test(name),
    validate: () => ({ ...assessmentErrors(checklist, draft.answers), summary: maxLength(draft.summary, 2000) }),
    send: () => {
      sent.current = assessmentItems(checklist, draft.answers);
      return record({ input: { clientId, items: sent.current, summary: draft.summary.trim() || null } });
    },
    onSuccess: () => {
      clear();
      onDone();
    },
  });

  // The server names an item by its place in what was sent: put its error beside that characteristic.
  const errors: Record<string, string> = {};
  for (const [key, message] of Object.entries(form.errors)) {
    const at = /^items\[(\d+)\]/.exec(key);
    const item = at ? sent.current[Number(at[1])] : undefined;
    errors[item ? answerKey({ domain: item.domain, name: item.characteristic }) : key] = message;
  }

  if (checklistResult.error && !checklistResult.data)
    return (
      <ErrorNotice error={checklistResult.error} what="the assessment checklist" onRetry={() => retry({ requestPolicy: 'network-only' })} />
    );
  if (!checklistResult.data) return <Loading label="Loading the assessment checklist" />;

  const setAnswer = (c: Characteristic, patch: Partial<Answer>) => {
    const key = answerKey(c);
    setDraft({ ...draft, answers: { ...draft.answers, [key]: { ...EMPTY_ANSWER, ...draft.answers[key], ...patch } } });
  };
  const rated = checklist.filter((c) => draft.answers[answerKey(c)]?.rating).length;

  return (
    <form onSubmit={form.submit} noValidate className="form assessment-form">
      <FormProblems message={form.formError ?? errors.items} fieldCount={Object.keys(errors).filter((k) => k !== 'items').length} />
      <p className="hint">
        {rated} of {checklist.length} characteristics rated. Rate what you discussed; leave the rest “not rated”.
      </p>
      {byDomain(checklist).map((group) => (
        <fieldset key={group.domain} className="domain">
          <legend>{label(group.domain)}</legend>
          {group.items.map((c) => {
            const key = answerKey(c);
            const a = draft.answers[key] ?? EMPTY_ANSWER;
            const error = errors[key];
            return (
              <div key={key} className={`characteristic ${a.rating === 'BARRIER' ? 'is-barrier' : ''}`}>
                <fieldset className="rating" data-invalid={error ? true : undefined}>
                  <legend>{c.name}</legend>
                  <div className="choice-list inline">
                    {RATINGS.map((r) => (
                      <label key={r.value || 'none'} className="choice">
                        <input
                          type="radio"
                          name={`rating-${key}`}
                          value={r.value}
                          checked={a.rating === r.value}
                          onChange={() => setAnswer(c, { rating: r.value })}
                        />
                        {r.text}
                      </label>
                    ))}
                  </div>
                </fieldset>
                {a.rating === 'BARRIER' ? (
                  <div className="plan-fields grid-3">
                    <TextField
                      name={`how-${key}`}
                      label={`Plan to compensate: how (${c.name})`}
                      value={a.how}
                      onChange={(how) => setAnswer(c, { how })}
                    />
                    <TextField
                      name={`by-${key}`}
                      type="date"
                      label="By when"
                      value={a.byWhen}
                      onChange={(byWhen) => setAnswer(c, { byWhen })}
                    />
                    <TextField
                      name={`who-${key}`}
                      label="Who helps"
                      value={a.whoHelps}
                      onChange={(whoHelps) => setAnswer(c, { whoHelps })}
                    />
                  </div>
                ) : null}
                {error ? (
                  <p className="field-error" role="alert">
                    {error}
                  </p>
                ) : null}
              </div>
            );
          })}
        </fieldset>
      ))}
      <OwnCharacteristic onAdd={(c) => setDraft({ ...draft, own: [...draft.own, c] })} existing={checklist} />
      <TextArea
        name="summary"
        label="Summary"
        value={draft.summary}
        onChange={(summary) => setDraft({ ...draft, summary })}
        error={errors.summary}
      />
      <SubmitButton busy={form.busy}>Record the assessment</SubmitButton>
    </form>
  );
}

/** An agency's own characteristic: once recorded, the checklist offers it from then on. */
function OwnCharacteristic({ onAdd, existing }: { onAdd(c: Characteristic): void; existing: Characteristic[] }) {
  const [domain, setDomain] = useState<AssessmentDomain>('OTHER');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <fieldset className="row-fields own-characteristic">
      <legend>Add a characteristic of your agency</legend>
      <SelectField
        name="ownDomain"
        label="Domain"
        value={domain}
        onChange={(d) => setDomain(d as AssessmentDomain)}
        options={AssessmentDomainValues.map((d) => ({ value: d, label: label(d) }))}
      />
      <TextField name="ownName" label="Characteristic" value={name} onChange={setName} error={error} />
      <button
        type="button"
        className="button secondary"
        onClick={() => {
          const problem =
            required(name, 'The characteristic') ??
            maxLength(name, 200) ??
            (existing.some((c) => c.name.toLowerCase() === name.trim().toLowerCase() && c.domain === domain)
              ? 'It is already on the checklist.'
              : undefined);
          setError(problem);
          if (problem) return;
          onAdd({ domain, name: name.trim() });
          setName('');
        }}
      >
        Add to this assessment
      </button>
    </fieldset>
  );
}
