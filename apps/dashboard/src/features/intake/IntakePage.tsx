/**
 * Intake as a guided flow: open the client (warned about possible
 * duplicates), determine eligibility, record where and with whom the client
 * lives and what they say about themselves, assess needs, record a consent, make
 * the first plan, then activate. The client's id is in the address from the
 * second step on, so the flow can be left and resumed.
 */
import { useMemo } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link, useRouter } from '../../app/router';
import { useMe } from '../../app/session';
import { AgencyCaseManagersDocument, ClientProfileDocument, OpenClientDocument } from '../../graphql/generated';
import { agencyStaff } from '../../lib/caseload';
import { withQuery } from '../../lib/routes';
import { collect, maxLength, pastDate, required } from '../../lib/validation';
import { Empty, ErrorNotice, Loading } from '../../ui/feedback';
import { FormProblems, SelectField, SubmitButton, TextField } from '../../ui/fields';
import { useFormSubmit, without } from '../../ui/form';
import { useDraft } from '../../ui/hooks';
import { Page, Section } from '../../ui/page';
import { AssessmentForm } from '../client/AssessmentForm';
import { ActivateButton } from '../client/forms/CaseStatusForms';
import { type ContactValues, ContactFields, EMPTY_CONTACT, contactErrors, contactInput } from '../client/forms/ContactFields';
import { EligibilityForm } from '../client/forms/EligibilityForm';
import { CreatePlanForm } from '../client/plan/GoalForm';
import { ConsentForm } from '../shared/ConsentForm';
import { AboutStep } from './AboutStep';

export const INTAKE_STEPS = [
  { key: 'person', text: 'Open the client' },
  { key: 'eligibility', text: 'Eligibility' },
  { key: 'about', text: 'Home and household' },
  { key: 'assessment', text: 'Needs assessment' },
  { key: 'consent', text: 'Consent' },
  { key: 'plan', text: 'First plan' },
  { key: 'done', text: 'Activate' },
] as const;

type StepKey = (typeof INTAKE_STEPS)[number]['key'];

export function nextStep(step: StepKey): StepKey {
  const i = INTAKE_STEPS.findIndex((s) => s.key === step);
  return INTAKE_STEPS[Math.min(i + 1, INTAKE_STEPS.length - 1)].key;
}

export function IntakePage({ clientId }: { clientId: string | null }) {
  const { search, navigate } = useRouter();
  const step: StepKey = clientId ? ((INTAKE_STEPS.find((s) => s.key === search.get('step'))?.key ?? 'eligibility') as StepKey) : 'person';
  const go = (to: StepKey, id = clientId) => navigate(withQuery(`/intake/${id}`, { step: to }));
  const [profile] = useQuery({ query: ClientProfileDocument, variables: { id: clientId ?? '' }, pause: !clientId });
  const client = profile.data?.client;
  return (
    <Page title={client ? `Intake: ${client.displayName}` : 'New intake'} subtitle="A guided intake; each step is saved as you go.">
      <nav aria-label="Intake steps" className="steps">
        <ol>
          {INTAKE_STEPS.map((s, i) => (
            <li key={s.key} aria-current={s.key === step ? 'step' : undefined} className={s.key === step ? 'current' : undefined}>
              {clientId && s.key !== 'person' ? (
                <Link to={withQuery(`/intake/${clientId}`, { step: s.key })}>{`${i + 1}. ${s.text}`}</Link>
              ) : (
                <span>{`${i + 1}. ${s.text}`}</span>
              )}
            </li>
          ))}
        </ol>
      </nav>
      {clientId && profile.error && !client ? <ErrorNotice error={profile.error} what="the client" /> : null}
      {clientId && !client && profile.fetching ? <Loading label="Loading the client" /> : null}
      {client?.possibleDuplicates.length ? (
        <div className="notice warning" role="alert">
          <p>
            <strong>This may be someone the agency already knows.</strong> Same name and birth date as:{' '}
            {client.possibleDuplicates.map((d, i) => (
              <span key={d.id}>
                {i ? ', ' : ''}
                <Link to={`/clients/${d.id}`}>{d.displayName}</Link>
              </span>
            ))}
            . Check before going on; nothing is merged automatically, a supervisor decides.
          </p>
        </div>
      ) : null}
      {step === 'person' ? <OpenClientStep onOpened={(id) => go('eligibility', id)} /> : null}
      {client && step === 'eligibility' ? (
        <Section title="2. Eligibility">
          <EligibilityForm clientId={client.id} onDone={() => go('about')} />
          <SkipLink to={() => go('about')} />
        </Section>
      ) : null}
      {client && step === 'about' ? (
        <Section title="3. Home, household and languages">
          <AboutStep clientId={client.id} onNext={() => go('assessment')} />
          <SkipLink to={() => go('assessment')} />
        </Section>
      ) : null}
      {client && step === 'assessment' ? (
        <Section title="4. Needs assessment">
          <AssessmentForm clientId={client.id} previous={[]} onDone={() => go('consent')} />
          <SkipLink to={() => go('consent')} />
        </Section>
      ) : null}
      {client && step === 'consent' ? (
        <Section title="5. Consent to share information">
          <ConsentForm clientId={client.id} clientName={client.displayName} formKey="intake-consent" onDone={() => go('plan')} />
          <SkipLink to={() => go('plan')} />
        </Section>
      ) : null}
      {client && step === 'plan' ? (
        <Section title="6. First action plan">
          <CreatePlanForm clientId={client.id} formKey="intake-plan" onDone={() => go('done')} />
          <SkipLink to={() => go('done')} />
        </Section>
      ) : null}
      {client && step === 'done' ? (
        <Section title="7. Activate the case">
          {client.status === 'INTAKE' ? (
            client.eligibility?.eligible ? (
              <>
                <p>{client.displayName} is eligible. Activate the case to start the plan.</p>
                <ActivateButton clientId={client.id} onDone={() => navigate(`/clients/${client.id}`)} />
              </>
            ) : (
              <p className="notice warning">The case can be activated once an eligible determination is recorded (step 2).</p>
            )
          ) : (
            <p>The case is {client.status.toLowerCase().replace('_', ' ')}.</p>
          )}
          <p>
            <Link to={`/clients/${client.id}`}>Open the client file</Link>
          </p>
        </Section>
      ) : null}
      {clientId && profile.data && !client ? <Empty>No such client.</Empty> : null}
    </Page>
  );
}

function SkipLink({ to }: { to(): void }) {
  return (
    <p>
      <button type="button" className="button link" onClick={to}>
        Skip this step for now
      </button>
    </p>
  );
}

interface PersonValues {
  firstName: string;
  lastName: string;
  preferredName: string;
  dateOfBirth: string;
  contact: ContactValues;
  assignedCaseManagerId: string;
  clientMutationId: string;
}

/** Everything the first step needs, checked at once: the contact method is required like the names. */
export function personErrors(v: PersonValues): Record<string, string | undefined> {
  return {
    ...collect({
      firstName: [required(v.firstName, 'The first name'), maxLength(v.firstName, 200)],
      lastName: [required(v.lastName, 'The last name'), maxLength(v.lastName, 200)],
      preferredName: [maxLength(v.preferredName, 200)],
      dateOfBirth: [pastDate(v.dateOfBirth)],
    }),
    ...contactErrors(v.contact, 'contactPreference.'),
  };
}

function OpenClientStep({ onOpened }: { onOpened(id: string): void }) {
  const me = useMe();
  const supervisor = me.role === 'SUPERVISOR';
  const [values, setValues, clear] = useDraft<PersonValues>('intake.person', () => ({
    firstName: '',
    lastName: '',
    preferredName: '',
    dateOfBirth: '',
    contact: EMPTY_CONTACT,
    assignedCaseManagerId: '',
    clientMutationId: crypto.randomUUID(),
  }));
  const [staffResult] = useQuery({ query: AgencyCaseManagersDocument, pause: !supervisor, requestPolicy: 'cache-first' });
  const staff = useMemo(() => agencyStaff(staffResult.data), [staffResult.data]);
  const [, open] = useMutation(OpenClientDocument);
  const form = useFormSubmit({
    fields: [
      'firstName',
      'lastName',
      'preferredName',
      'dateOfBirth',
      'assignedCaseManagerId',
      'contactPreference.method',
      'contactPreference.phone',
      'contactPreference.email',
      'contactPreference.publicGreeting',
      'contactPreference.notes',
    ],
    validate: () => personErrors(values),
    send: () =>
      open({
        input: {
          firstName: values.firstName.trim(),
          lastName: values.lastName.trim(),
          preferredName: values.preferredName.trim() || null,
          dateOfBirth: values.dateOfBirth || null,
          contactPreference: contactInput(values.contact),
          assignedCaseManagerId: values.assignedCaseManagerId || null,
          clientMutationId: values.clientMutationId,
        },
      }),
    onSuccess: (data) => {
      clear();
      if (data) onOpened(data.openClient.id);
    },
  });
  const set = (patch: Partial<PersonValues>) => {
    setValues({ ...values, ...patch });
    for (const k of Object.keys(patch)) form.setErrors((e) => without(e, k));
  };
  return (
    <Section title="1. Open the client">
      <form onSubmit={form.submit} noValidate className="form">
        <FormProblems message={form.formError} fieldCount={form.fieldCount} />
        <div className="grid-2">
          <TextField
            name="firstName"
            label="First name"
            required
            autoComplete="off"
            value={values.firstName}
            onChange={(firstName) => set({ firstName })}
            error={form.errors.firstName}
          />
          <TextField
            name="lastName"
            label="Last name"
            required
            autoComplete="off"
            value={values.lastName}
            onChange={(lastName) => set({ lastName })}
            error={form.errors.lastName}
          />
          <TextField
            name="preferredName"
            label="Preferred name"
            autoComplete="off"
            value={values.preferredName}
            onChange={(preferredName) => set({ preferredName })}
            error={form.errors.preferredName}
          />
          <TextField
            name="dateOfBirth"
            type="date"
            label="Date of birth"
            value={values.dateOfBirth}
            onChange={(dateOfBirth) => set({ dateOfBirth })}
            error={form.errors.dateOfBirth}
            hint="Used to warn about possible duplicates"
          />
        </div>
        {supervisor ? (
          <SelectField
            name="assignedCaseManagerId"
            label="Case manager"
            value={values.assignedCaseManagerId}
            onChange={(assignedCaseManagerId) => set({ assignedCaseManagerId })}
            placeholder="Leave unassigned"
            options={staff.map((s) => ({ value: s.id, label: s.displayName }))}
            error={form.errors.assignedCaseManagerId}
          />
        ) : null}
        <fieldset className="group">
          <legend>Contact preferences</legend>
          <ContactFields
            values={values.contact}
            onChange={(contact) => set({ contact })}
            errors={form.errors}
            prefix="contactPreference."
          />
        </fieldset>
        <SubmitButton busy={form.busy}>Open the client</SubmitButton>
      </form>
    </Section>
  );
}
