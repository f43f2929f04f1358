/** The client's profile: identity, priority and why, duplicates, contact preferences, eligibility, key dates, follow-up, case status. */
import { useClient } from 'urql';
import type { ClientProfileQuery } from '../../graphql/generated';
import { ClientProfileDocument } from '../../graphql/generated';
import { Link } from '../../app/router';
import { useAgencyZone } from '../../app/session';
import { daysUntil, formatDate, formatDateTime, relativeDays } from '../../lib/dates';
import { daysUntilIn, formatDateTimeIn } from '../../lib/zone';
import { label } from '../../lib/labels';
import { PriorityBadge } from '../../ui/badges';
import { Details, Disclosure } from '../../ui/disclosure';
import { Section } from '../../ui/page';
import { ClosurePanel } from './closure/ClosurePanel';
import { ActivateButton } from './forms/CaseStatusForms';
import { EMPTY_CONTACT } from './forms/ContactFields';
import { EligibilityForm } from './forms/EligibilityForm';
import { ContactForm, FollowUpForm, KeyDatesForm } from './forms/ProfileForms';

type Client = NonNullable<ClientProfileQuery['client']>;

export function OverviewPart({ client }: { client: Client }) {
  const zone = useAgencyZone();
  const urql = useClient();
  // After a change, read the profile again (priority and status are computed by the server).
  const refresh = () => void urql.query(ClientProfileDocument, { id: client.id }, { requestPolicy: 'network-only' }).toPromise();
  const contact = client.contactPreference;
  return (
    <div className="parts">
      {client.possibleDuplicates.length ? (
        <div className="notice warning" role="note">
          <p>
            <strong>Possible duplicate records.</strong> The agency has{' '}
            {client.possibleDuplicates.length === 1 ? 'another client' : 'other clients'} with the same name and birth date:{' '}
            {client.possibleDuplicates.map((d, i) => (
              <span key={d.id}>
                {i ? ', ' : ''}
                <Link to={`/clients/${d.id}`}>{d.displayName}</Link>
              </span>
            ))}
            . Nothing is merged automatically: ask a supervisor to decide.
          </p>
        </div>
      ) : null}
      <Section title="Priority">
        <p>
          <PriorityBadge level={client.priority.level} /> <span className="muted">score {client.priority.score}</span>
        </p>
        {client.priority.reasons.length ? (
          <ul className="reasons">
            {client.priority.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">Nothing pressing.</p>
        )}
      </Section>
      <Section title="Profile">
        <Details
          items={[
            ['Name', `${client.firstName} ${client.lastName}`],
            ['Preferred name', client.preferredName ?? '—'],
            ['Date of birth', formatDate(client.dateOfBirth)],
            ['Status', label(client.status)],
            ['Intake date', formatDate(client.intakeDate)],
            ['Case manager', client.assignedCaseManager?.displayName ?? 'Unassigned'],
          ]}
        />
      </Section>
      <Section title="Follow-up">
        <p>
          {client.nextFollowUpAt ? (
            <span className={daysUntilIn(client.nextFollowUpAt, zone) < 0 ? 'overdue' : undefined}>
              {formatDateTimeIn(client.nextFollowUpAt, zone)} ({relativeDays(daysUntilIn(client.nextFollowUpAt, zone))})
            </span>
          ) : (
            'No follow-up scheduled.'
          )}
        </p>
        {client.status !== 'CLOSED' ? (
          <Disclosure label="Schedule the next follow-up">
            {(close) => (
              <FollowUpForm
                clientId={client.id}
                current={client.nextFollowUpAt}
                onDone={() => {
                  close();
                  refresh();
                }}
              />
            )}
          </Disclosure>
        ) : null}
      </Section>
      <Section title="Contact preferences">
        {contact ? (
          <Details
            items={[
              ['Method', label(contact.method)],
              ['Phone', contact.phone ?? '—'],
              ['Email', contact.email ?? '—'],
              ['Voicemail', contact.voicemailAllowed ? 'A voicemail may be left' : 'Do not leave a voicemail'],
              ['If met in public', contact.publicGreeting ?? '—'],
              ['Notes', contact.notes ?? '—'],
            ]}
          />
        ) : (
          <p className="muted">No contact preferences recorded.</p>
        )}
        <Disclosure label="Edit contact preferences">
          {(close) => (
            <ContactForm
              clientId={client.id}
              initial={
                contact
                  ? {
                      method: contact.method,
                      phone: contact.phone ?? '',
                      email: contact.email ?? '',
                      voicemailAllowed: contact.voicemailAllowed,
                      publicGreeting: contact.publicGreeting ?? '',
                      notes: contact.notes ?? '',
                    }
                  : EMPTY_CONTACT
              }
              onDone={() => {
                close();
                refresh();
              }}
            />
          )}
        </Disclosure>
      </Section>
      <Section title="Eligibility">
        {client.eligibility ? (
          <Details
            items={[
              ['Determination', client.eligibility.eligible ? 'Eligible' : 'Not eligible'],
              ['Program', client.eligibility.program],
              ['Rationale', client.eligibility.rationale],
              [
                'Determined',
                `${formatDateTime(client.eligibility.determinedAt)}${client.eligibility.determinedBy ? ` by ${client.eligibility.determinedBy.displayName}` : ''}`,
              ],
            ]}
          />
        ) : (
          <p className="muted">Eligibility has not been determined yet.</p>
        )}
        <Disclosure label={client.eligibility ? 'Record a new determination' : 'Determine eligibility'}>
          {(close) => (
            <EligibilityForm
              clientId={client.id}
              onDone={() => {
                close();
                refresh();
              }}
            />
          )}
        </Disclosure>
      </Section>
      <Section title="Key dates">
        {client.keyDates.length ? (
          <ul className="plain">
            {client.keyDates.map((k) => (
              <li key={`${k.label}-${k.date}`}>
                <strong>{k.label}</strong>: {formatDate(k.date)}{' '}
                <span className={daysUntil(k.date) < 14 && daysUntil(k.date) >= 0 ? 'warning-text' : 'muted'}>
                  ({relativeDays(daysUntil(k.date))})
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No key dates.</p>
        )}
        <Disclosure label="Edit key dates">
          {(close) => (
            <KeyDatesForm
              clientId={client.id}
              initial={client.keyDates.map((k) => ({ label: k.label, date: k.date }))}
              onDone={() => {
                close();
                refresh();
              }}
            />
          )}
        </Disclosure>
      </Section>
      <Section title="Case status">
        <p>
          The case is <strong>{label(client.status).toLowerCase()}</strong>.
          {client.closure
            ? ` Closed ${formatDateTime(client.closure.closedAt)} (${label(client.closure.outcome)}) by ${client.closure.closedBy.displayName}.`
            : ''}
        </p>
        <div className="button-row">
          {client.status === 'INTAKE' || client.status === 'ON_HOLD' ? <ActivateButton clientId={client.id} onDone={refresh} /> : null}
        </div>
        <ClosurePanel clientId={client.id} status={client.status} onChanged={refresh} />
      </Section>
    </div>
  );
}
