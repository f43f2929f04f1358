/**
 * One referral as the receiving organization sees it: what is asked and why,
 * its timeline, the answers it allows now (accept, waitlist, decline with a
 * reason, start, complete with an outcome), and the client's details as far
 * as the client's consent to this organization goes.
 */
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { partMissing } from '../../api/errors';
import { Link } from '../../app/router';
import {
  CompleteReferralDocument,
  PartnerClientNotesDocument,
  PartnerReferralDocument,
  type PartnerReferralQuery,
  type ReferralOutcome,
  ReferralOutcomeValues,
  RespondToReferralDocument,
  StartReferralDocument,
} from '../../graphql/generated';
import { byDomain } from '../../lib/assessment';
import { formatDateTime, formatDayOf } from '../../lib/dates';
import { label } from '../../lib/labels';
import { addressLine } from '../../lib/record';
import { PARTNER_ACTION_LABELS, type PartnerAction, partnerActionProblem, partnerActions } from '../../lib/referral';
import { Badge } from '../../ui/badges';
import { Details } from '../../ui/disclosure';
import { Empty, PartMissing, QueryView, Success } from '../../ui/feedback';
import { FormProblems, SelectField, SubmitButton, TextArea } from '../../ui/fields';
import { useFormSubmit } from '../../ui/form';
import { useCursorPages } from '../../ui/hooks';
import { LongText } from '../../ui/longtext';
import { Page, Section } from '../../ui/page';
import { Pager } from '../../ui/pager';
import { Timeline } from '../shared/Timeline';

type Referral = NonNullable<PartnerReferralQuery['referral']>;

export function PartnerReferralPage({ referralId }: { referralId: string }) {
  const [result, refetch] = useQuery({ query: PartnerReferralDocument, variables: { id: referralId } });
  const [notice, setNotice] = useState<string | null>(null);
  const referral = result.data?.referral;
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Page
      title={referral ? `Referral to ${referral.service?.name ?? 'your service'}` : 'Referral'}
      subtitle={<Link to="/inbox">Back to the inbox</Link>}
    >
      <QueryView result={result} what="the referral" retry={refresh}>
        {() =>
          !referral ? (
            <Empty>No referral has this id.</Empty>
          ) : (
            <div className="parts two-columns">
              <div>
                {notice ? <Success>{notice}</Success> : null}
                <Section title="What is asked">
                  <p>
                    <Badge value={referral.status} /> <Badge value={referral.urgency} tone={`urgency-${referral.urgency.toLowerCase()}`} />
                  </p>
                  <Details
                    items={[
                      ['Need', referral.need],
                      ['Necessary because', referral.necessaryRationale],
                      ['Appropriate because', referral.appropriateRationale],
                      ['Paid by the contract', referral.paidByContract ? 'Yes' : 'No'],
                      ['Referred by', referral.referredBy ? `${referral.referredBy.displayName} (${referral.referredBy.email})` : '—'],
                      ['Sent', formatDateTime(referral.sentAt)],
                      ['Answer needed by', formatDateTime(referral.respondBy)],
                      ['Case manager follows up on', formatDayOf(referral.followUpAt)],
                      ...(referral.declineReason ? ([['Declined because', referral.declineReason]] as Array<[string, string]>) : []),
                      ...(referral.outcome ? ([['Outcome', label(referral.outcome)]] as Array<[string, string]>) : []),
                    ]}
                  />
                </Section>
                <Section title="Your answer">
                  <Answer
                    referral={referral}
                    onDone={(text) => {
                      setNotice(text);
                      refresh();
                    }}
                  />
                </Section>
                <Section title="Timeline">
                  <Timeline events={referral.history} label="Timeline of the referral" />
                </Section>
              </div>
              <ClientDetails referral={referral} error={result.error} />
            </div>
          )
        }
      </QueryView>
    </Page>
  );
}

function Answer({ referral, onDone }: { referral: Referral; onDone(text: string): void }) {
  const actions = partnerActions(referral.status);
  const [action, setAction] = useState<PartnerAction | null>(null);
  if (!actions.length) return <p className="muted">This referral is {label(referral.status).toLowerCase()}: nothing more to answer.</p>;
  return (
    <>
      <div className="button-row" role="group" aria-label="Answers">
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className={`button ${a === action ? 'primary' : 'secondary'}`}
            aria-pressed={a === action}
            onClick={() => setAction(a)}
          >
            {PARTNER_ACTION_LABELS[a]}
          </button>
        ))}
      </div>
      {action ? (
        <ActionForm
          key={action}
          action={action}
          referralId={referral.id}
          onDone={(text) => {
            setAction(null);
            onDone(text);
          }}
        />
      ) : null}
    </>
  );
}

const DONE: Record<PartnerAction, string> = {
  ACCEPT: 'Accepted: the case manager sees it in the referral timeline.',
  WAITLIST: 'Waitlisted: the case manager sees it in the referral timeline.',
  DECLINE: 'Declined, with your reason.',
  START: 'The service has started.',
  COMPLETE: 'Completed, with the outcome: the loop is closed.',
};

function ActionForm({ action, referralId, onDone }: { action: PartnerAction; referralId: string; onDone(text: string): void }) {
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState('');
  const [, respond] = useMutation(RespondToReferralDocument);
  const [, start] = useMutation(StartReferralDocument);
  const [, complete] = useMutation(CompleteReferralDocument);
  const form = useFormSubmit<unknown>({
    fields: ['reason', 'note', 'outcome'],
    validate: () => {
      const problem = partnerActionProblem(action, { reason, outcome });
      return {
        ...(problem ? { [problem.field]: problem.message } : {}),
        note: note.length > 2000 ? 'Use at most 2,000 characters.' : undefined,
      };
    },
    send: () => {
      const n = note.trim() || null;
      if (action === 'START') return start({ referralId, note: n });
      if (action === 'COMPLETE') return complete({ input: { referralId, outcome: outcome as ReferralOutcome, note: n } });
      return respond({ input: { referralId, decision: action, reason: action === 'DECLINE' ? reason.trim() : null, note: n } });
    },
    onSuccess: () => onDone(DONE[action]),
  });
  return (
    <form onSubmit={form.submit} noValidate className="form">
      <FormProblems message={form.formError} fieldCount={form.fieldCount} />
      {action === 'DECLINE' ? (
        <TextArea
          name="reason"
          label="Reason for declining"
          required
          rows={2}
          value={reason}
          onChange={setReason}
          error={form.errors.reason}
        />
      ) : null}
      {action === 'COMPLETE' ? (
        <SelectField
          name="outcome"
          label="Outcome"
          required
          value={outcome}
          onChange={setOutcome}
          placeholder="Choose…"
          options={ReferralOutcomeValues.map((o) => ({ value: o, label: label(o) }))}
          error={form.errors.outcome}
        />
      ) : null}
      <TextArea
        name="note"
        label="Note for the case manager"
        rows={2}
        value={note}
        onChange={setNote}
        error={form.errors.note}
        hint={action === 'ACCEPT' ? 'e.g. “Intake booked for Tuesday”' : undefined}
      />
      <SubmitButton busy={form.busy}>{`${PARTNER_ACTION_LABELS[action]} the referral`}</SubmitButton>
    </form>
  );
}

function ClientDetails({ referral, error }: { referral: Referral; error: Parameters<typeof PartMissing>[0]['error'] }) {
  const client = referral.client;
  if (!client) {
    return (
      <Section title="The client">
        <PartMissing what="the client's details" error={error} path={['referral', 'client']} service="clients" />
        {partMissing(error, ['referral', 'client'], 'clients')?.code === 'UNAVAILABLE' ? null : (
          <p className="notice muted">
            The client's consent to your organization does not cover their name or contact details (or it has expired or been revoked). Ask
            the case manager.
          </p>
        )}
      </Section>
    );
  }
  const contact = client.contactPreference;
  return (
    <div>
      <Section title="The client">
        <p className="small muted">Shown as far as the client's consent to your organization allows.</p>
        <Details
          items={[
            ['Name', `${client.firstName} ${client.lastName}${client.preferredName ? ` (prefers ${client.preferredName})` : ''}`],
            ...(contact
              ? ([
                  ['Contact by', label(contact.method)],
                  ['Phone', contact.phone ?? '—'],
                  ['Email', contact.email ?? '—'],
                  ['Voicemail', contact.voicemailAllowed ? 'May be left' : 'Do not leave one'],
                  ['If met in public', contact.publicGreeting ?? '—'],
                ] as Array<[string, string]>)
              : []),
            ...(client.address
              ? ([[client.address.noFixedAddress ? 'No fixed address; reach them at' : 'Address', addressLine(client.address)]] as Array<
                  [string, string]
                >)
              : []),
          ]}
        />
        <PartMissing what="contact preferences" error={error} path={['referral', 'client', 'contactPreference']} />
        <PartMissing what="the address" error={error} path={['referral', 'client', 'address']} />
      </Section>
      <Section title="Assessment">
        <PartMissing what="the assessment" error={error} path={['referral', 'client', 'latestAssessment']} />
        {client.latestAssessment ? (
          byDomain(client.latestAssessment.items.filter((i) => i.rating === 'BARRIER')).map((g) => (
            <p key={g.domain}>
              <strong>{label(g.domain)}:</strong>{' '}
              {g.items.map((i) => i.characteristic + (i.planToCompensate ? ` (plan: ${i.planToCompensate.how})` : '')).join('; ')}
            </p>
          ))
        ) : (
          <p className="muted">No assessment shared.</p>
        )}
      </Section>
      <Section title="Action plan">
        <PartMissing what="the action plan" error={error} path={['referral', 'client', 'activePlan']} />
        {client.activePlan ? (
          <ul className="plain">
            {client.activePlan.goals.map((g) => (
              <li key={g.id}>
                {g.description} <Badge value={g.status} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No plan shared.</p>
        )}
      </Section>
      <SharedNotes clientId={client.id} />
    </div>
  );
}

function SharedNotes({ clientId }: { clientId: string }) {
  const pages = useCursorPages(clientId);
  const [result] = useQuery({ query: PartnerClientNotesDocument, variables: { id: clientId, after: pages.after } });
  const notes = result.data?.client?.caseNotes;
  return (
    <Section title="Case notes">
      {result.fetching && !result.data ? <p className="muted">Loading…</p> : null}
      {result.error && !result.data?.client ? (
        <p className="muted">Case notes are not covered by the client's consent to your organization.</p>
      ) : null}
      {notes ? (
        notes.edges.length ? (
          <>
            <ul className="plain">
              {notes.edges.map(({ node }) => (
                <li key={node.id}>
                  <span className="small">
                    {formatDateTime(node.occurredAt)} · {label(node.contactType)}
                  </span>
                  <LongText text={node.body} className="note-body" what={`the note of ${formatDateTime(node.occurredAt)}`} />
                </li>
              ))}
            </ul>
            <Pager
              page={pages.page}
              hasPrevious={pages.page > 1}
              hasNext={notes.pageInfo.hasNextPage}
              onPrevious={pages.previous}
              onNext={() => pages.next(notes.pageInfo.endCursor)}
              total={notes.totalCount}
              pageSize={10}
              shown={notes.edges.length}
              label="shared case notes"
            />
          </>
        ) : (
          <p className="muted">No notes shared.</p>
        )
      ) : null}
    </Section>
  );
}
