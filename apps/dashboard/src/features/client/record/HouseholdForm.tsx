/** The household as one list: add, edit and remove members, then save the whole list with `setHousehold` (history is kept by the server). */
import { useMutation } from 'urql';
import { HouseholdRelationshipValues, SetHouseholdDocument } from '../../../graphql/generated';
import { useAgencyZone } from '../../../app/session';
import { label } from '../../../lib/labels';
import { EMPTY_MEMBER, MAX_HOUSEHOLD, type MemberValues, householdErrors, householdInput } from '../../../lib/record';
import { CheckboxField, FormProblems, SelectField, SubmitButton, TextField } from '../../../ui/fields';
import { useFormSubmit } from '../../../ui/form';
import { useDraft } from '../../../ui/hooks';

const RELATIONSHIPS = HouseholdRelationshipValues.map((value) => ({ value, label: label(value) }));
const MEMBER_FIELDS = /^members(\[\d+\]\.(firstName|lastName|relationship|dateOfBirth|dependent))?$/;

export function HouseholdForm({
  clientId,
  initial,
  onDone,
  submitLabel = 'Save the household',
}: {
  clientId: string;
  initial: MemberValues[];
  onDone(): void;
  submitLabel?: string;
}) {
  const zone = useAgencyZone();
  const [members, setMembers, clear] = useDraft<MemberValues[]>(`household.${clientId}`, initial);
  const [, save] = useMutation(SetHouseholdDocument);
  const form = useFormSubmit({
    fields: (name) => MEMBER_FIELDS.test(name),
    strip: /^$/,
    validate: () => householdErrors(members, zone),
    send: () => save({ clientId, members: householdInput(members) as Parameters<typeof save>[0]['members'] }),
    onSuccess: () => {
      clear();
      onDone();
    },
  });
  const change = (i: number, patch: Partial<MemberValues>) => setMembers(members.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const name = (m: MemberValues, i: number) => m.firstName.trim() || `member ${i + 1}`;
  return (
    <form onSubmit={form.submit} noValidate className="form" aria-label="Household">
      <FormProblems message={form.formError ?? form.errors.members} fieldCount={form.fieldCount} />
      {members.length === 0 ? <p className="muted">Nobody listed: the client lives alone, or has not said.</p> : null}
      {members.map((m, i) => (
        <fieldset key={m.id || `new-${i}`} className="row-fields member-row">
          <legend>{m.id ? `Household member ${i + 1}` : `New household member ${i + 1}`}</legend>
          <TextField
            name={`firstName-${i}`}
            label="First name"
            required
            maxLength={100}
            value={m.firstName}
            onChange={(v) => change(i, { firstName: v })}
            error={form.errors[`members[${i}].firstName`]}
          />
          <TextField
            name={`lastName-${i}`}
            label="Last name"
            maxLength={100}
            value={m.lastName}
            onChange={(v) => change(i, { lastName: v })}
            error={form.errors[`members[${i}].lastName`]}
          />
          <SelectField
            name={`relationship-${i}`}
            label="Relationship to the client"
            required
            placeholder="Choose…"
            options={RELATIONSHIPS}
            value={m.relationship}
            onChange={(v) => change(i, { relationship: v })}
            error={form.errors[`members[${i}].relationship`]}
          />
          <TextField
            name={`dateOfBirth-${i}`}
            type="date"
            label="Date of birth"
            value={m.dateOfBirth}
            onChange={(v) => change(i, { dateOfBirth: v })}
            error={form.errors[`members[${i}].dateOfBirth`]}
          />
          <CheckboxField
            name={`dependent-${i}`}
            label="A dependant of the client"
            checked={m.dependent}
            onChange={(v) => change(i, { dependent: v })}
            error={form.errors[`members[${i}].dependent`]}
          />
          <button type="button" className="button link" onClick={() => setMembers(members.filter((_, j) => j !== i))}>
            Remove<span className="visually-hidden"> {name(m, i)} from the household</span>
          </button>
        </fieldset>
      ))}
      <div className="form-actions">
        <button
          type="button"
          className="button secondary"
          disabled={members.length >= MAX_HOUSEHOLD}
          onClick={() => setMembers([...members, { ...EMPTY_MEMBER }])}
        >
          Add a household member
        </button>
        <SubmitButton busy={form.busy}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
