/**
 * The client's referrals, newest first, each with its timeline of status
 * changes; a draft can be sent (a supervisor may override a missing consent
 * with a reason) and an open referral cancelled with a reason.
 */
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { mainCode, messageOf } from '../../api/errors';
import { Link } from '../../app/router';
import { useMe } from '../../app/session';
import { CancelReferralDocument, ClientReferralsDocument, type ClientReferralsQuery, SendReferralDocument } from '../../graphql/generated';
import { formatDateTime, formatDayOf } from '../../lib/dates';
import { label } from '../../lib/labels';
import { senderActions } from '../../lib/referral';
import { Badge } from '../../ui/badges';
import { Details, Disclosure } from '../../ui/disclosure';
import { Empty, PartMissing, QueryView, Success } from '../../ui/feedback';
import { TextArea } from '../../ui/fields';
import { useLocalPages } from '../../ui/hooks';
import { Section } from '../../ui/page';
import { LocalPager } from '../../ui/pager';
import { Timeline } from '../shared/Timeline';

type Referral = NonNullable<NonNullable<ClientReferralsQuery['client']>['referrals']>[number];
const REFERRAL_CONTEXT = { additionalTypenames: ['Referral'] };

export function ReferralsPart({ clientId }: { clientId: string }) {
  const [result, refetch] = useQuery({ query: ClientReferralsDocument, variables: { id: clientId }, context: REFERRAL_CONTEXT });
  const [notice, setNotice] = useState<string | null>(null);
  const referrals = [...(result.data?.client?.referrals ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const pages = useLocalPages(referrals, 5);
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Section
      title="Referrals"
      actions={
        <Link to={`/clients/${clientId}/refer`} className="button secondary small">
          New referral
        </Link>
      }
    >
      {notice ? <Success>{notice}</Success> : null}
      <QueryView result={result} what="the referrals" retry={refresh}>
        {(data) => (
          <>
            <PartMissing what="the referrals" error={result.error} path={['client', 'referrals']} service="referrals" onRetry={refresh} />
            {data.client?.referrals && referrals.length === 0 ? <Empty>No referrals yet.</Empty> : null}
            <ol className="referrals">
              {pages.items.map((r) => (
                <ReferralItem
                  key={r.id}
                  referral={r}
                  onChanged={(text) => {
                    setNotice(text);
                    refresh();
                  }}
                />
              ))}
            </ol>
            <LocalPager pages={pages} label="referrals" />
          </>
        )}
      </QueryView>
    </Section>
  );
}

function ReferralItem({ referral: r, onChanged }: { referral: Referral; onChanged(text: string): void }) {
  const actions = senderActions(r.status);
  return (
    <li className="referral">
      <article aria-labelledby={`ref-${r.id}`}>
        <header className="referral-head">
          <h3 id={`ref-${r.id}`}>
            {r.service ? r.service.name : 'Service unavailable'} <span className="muted">· {r.service?.organization.name ?? ''}</span>
          </h3>
          <Badge value={r.status} /> <Badge value={r.urgency} tone={`urgency-${r.urgency.toLowerCase()}`} />
        </header>
        <Details
          items={[
            ['Need', r.need],
            ['Necessary because', r.necessaryRationale],
            ['Appropriate because', r.appropriateRationale],
            ['Paid by the contract', r.paidByContract ? 'Yes' : 'No'],
            ['Goal', r.goal?.description ?? '—'],
            ['Sent', formatDateTime(r.sentAt)],
            ['Answer due', formatDateTime(r.respondBy)],
            ['Follow up on', formatDayOf(r.followUpAt)],
            ...(r.declineReason ? ([['Declined because', r.declineReason]] as Array<[string, string]>) : []),
            ...(r.outcome ? ([['Outcome', label(r.outcome)]] as Array<[string, string]>) : []),
          ]}
        />
        <h4 className="small-heading">Timeline</h4>
        <Timeline events={r.history} label={`Timeline of the referral to ${r.service?.name ?? 'the service'}`} />
        <div className="button-row">
          {actions.includes('SEND') ? <SendDraft referral={r} onDone={() => onChanged('The referral was sent.')} /> : null}
          {actions.includes('CANCEL') ? <CancelReferral referral={r} onDone={() => onChanged('The referral was cancelled.')} /> : null}
        </div>
      </article>
    </li>
  );
}

function SendDraft({ referral, onDone }: { referral: Referral; onDone(): void }) {
  const me = useMe();
  const [result, send] = useMutation(SendReferralDocument);
  const [reason, setReason] = useState('');
  const needsConsent = result.error && mainCode(result.error) === 'FORBIDDEN';
  return (
    <div className="send-draft">
      <button
        type="button"
        className="button primary small"
        disabled={result.fetching}
        onClick={() => void send({ referralId: referral.id }).then((r) => !r.error && onDone())}
      >
        {result.fetching ? 'Sending…' : 'Send the referral'}
      </button>
      {result.error ? (
        <p className="field-error" role="alert">
          {messageOf(result.error)}
        </p>
      ) : null}
      {needsConsent && me.role === 'SUPERVISOR' ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim())
              void send({ referralId: referral.id, overrideConsentReason: reason.trim() }).then((r) => !r.error && onDone());
          }}
        >
          <TextArea
            name="override"
            label="Send without a recorded consent (supervisor): the reason"
            required
            value={reason}
            onChange={setReason}
            hint="Kept in the referral's history and in the audit trail."
          />
          <button type="submit" className="button danger small" disabled={!reason.trim()}>
            Send with this override
          </button>
        </form>
      ) : null}
    </div>
  );
}

function CancelReferral({ referral, onDone }: { referral: Referral; onDone(): void }) {
  const [result, cancel] = useMutation(CancelReferralDocument);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <Disclosure label="Cancel the referral" openLabel="Keep the referral">
      {() => (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return setError('Say why the referral is cancelled; the partner sees it.');
            setError(undefined);
            void cancel({ referralId: referral.id, reason: reason.trim() }).then((r) => !r.error && onDone());
          }}
        >
          {result.error ? (
            <p className="notice error" role="alert">
              {messageOf(result.error)}
            </p>
          ) : null}
          <TextArea name="cancelReason" label="Reason" required value={reason} onChange={setReason} error={error} />
          <button type="submit" className="button danger small" disabled={result.fetching}>
            {result.fetching ? 'Cancelling…' : 'Cancel the referral'}
          </button>
        </form>
      )}
    </Disclosure>
  );
}
