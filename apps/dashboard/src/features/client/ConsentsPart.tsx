/**
 * A client's consents: to whom, what, status and days to expiry (a warning inside 14 days), the signed form (open it, or
 * attach it as a SIGNED_CONSENT document), revoke, record a new one.
 */
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { messageOf } from '../../api/errors';
import { ClientConsentsDocument, type ClientConsentsQuery, RevokeConsentDocument } from '../../graphql/generated';
import { consentNotice } from '../../lib/consent';
import { formatDateTime } from '../../lib/dates';
import { label } from '../../lib/labels';
import { Badge } from '../../ui/badges';
import { Disclosure } from '../../ui/disclosure';
import { Empty, QueryView, Success } from '../../ui/feedback';
import { useLocalPages } from '../../ui/hooks';
import { Section } from '../../ui/page';
import { LocalPager } from '../../ui/pager';
import { ConsentForm } from '../shared/ConsentForm';
import { useOpenDocument } from './record/DocumentsPart';
import { UploadForm } from './record/UploadForm';

type Consent = NonNullable<ClientConsentsQuery['client']>['consents'][number];
const CONSENT_CONTEXT = { additionalTypenames: ['Consent'] };

export function ConsentsPart({ clientId, clientName }: { clientId: string; clientName: string }) {
  const [result, refetch] = useQuery({ query: ClientConsentsDocument, variables: { id: clientId }, context: CONSENT_CONTEXT });
  const [notice, setNotice] = useState<string | null>(null);
  const consents = result.data?.client?.consents ?? [];
  const ordered = [...consents].sort((a, b) =>
    a.status === b.status ? b.signedAt.localeCompare(a.signedAt) : a.status === 'ACTIVE' ? -1 : b.status === 'ACTIVE' ? 1 : 0,
  );
  const pages = useLocalPages(ordered, 10);
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Section title="Consents to share information">
      {notice ? <Success>{notice}</Success> : null}
      <Disclosure label="Record a consent" openLabel="Close the consent form">
        {(close) => (
          <ConsentForm
            clientId={clientId}
            clientName={clientName}
            onDone={() => {
              close();
              setNotice('The consent was recorded.');
              refresh();
            }}
          />
        )}
      </Disclosure>
      <QueryView result={result} what="the consents" retry={refresh}>
        {() =>
          consents.length === 0 ? (
            <Empty>No consent recorded. Without one, nothing about the client is shared with partners.</Empty>
          ) : (
            <>
              <table className="table consents">
                <thead>
                  <tr>
                    <th scope="col">Recipient</th>
                    <th scope="col">Covers</th>
                    <th scope="col">Purpose</th>
                    <th scope="col">Signed</th>
                    <th scope="col">Validity</th>
                    <th scope="col">Signed form</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {pages.items.map((c) => (
                    <ConsentRow
                      key={c.id}
                      clientId={clientId}
                      consent={c}
                      onAttached={() => {
                        setNotice(`The signed form of the consent to ${c.recipient?.name ?? 'the organization'} was attached.`);
                        refresh();
                      }}
                      onRevoked={() =>
                        setNotice(`The consent to ${c.recipient?.name ?? 'the organization'} was revoked; it stops sharing at once.`)
                      }
                    />
                  ))}
                </tbody>
              </table>
              <LocalPager pages={pages} label="consents" />
            </>
          )
        }
      </QueryView>
    </Section>
  );
}

function ConsentRow({
  clientId,
  consent,
  onRevoked,
  onAttached,
}: {
  clientId: string;
  consent: Consent;
  onRevoked(): void;
  onAttached(): void;
}) {
  const notice = consentNotice(consent);
  const [confirming, setConfirming] = useState(false);
  const [result, revoke] = useMutation(RevokeConsentDocument);
  return (
    <tr className={notice.tone === 'warning' ? 'row-warning' : undefined}>
      <th scope="row" data-label="Recipient">
        {consent.recipient?.name ?? <span className="muted">Organization unavailable</span>}
      </th>
      <td data-label="Covers">{consent.scope.map(label).join(', ')}</td>
      <td data-label="Purpose">{consent.purpose}</td>
      <td data-label="Signed">
        {formatDateTime(consent.signedAt)}
        {consent.witness ? <span className="small block">Witness: {consent.witness}</span> : null}
      </td>
      <td data-label="Validity">
        <Badge value={consent.status} /> <span className={notice.tone === 'warning' ? 'warning-text' : 'small'}>{notice.text}</span>
        {notice.tone === 'warning' ? <span className="small block">Ask the client to renew it soon.</span> : null}
      </td>
      <td data-label="Signed form">
        <SignedForm clientId={clientId} consent={consent} onAttached={onAttached} />
      </td>
      <td data-label="Actions">
        {consent.status === 'ACTIVE' ? (
          confirming ? (
            <span className="button-row">
              <button
                type="button"
                className="button danger small"
                disabled={result.fetching}
                onClick={() => void revoke({ consentId: consent.id }).then((r) => !r.error && onRevoked())}
              >
                {result.fetching ? 'Revoking…' : 'Confirm revoke'}
              </button>
              <button type="button" className="button link small" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </span>
          ) : (
            <button type="button" className="button secondary small" onClick={() => setConfirming(true)}>
              Revoke<span className="visually-hidden"> the consent to {consent.recipient?.name}</span>
            </button>
          )
        ) : null}
        {result.error ? (
          <p className="field-error" role="alert">
            {messageOf(result.error)}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

/** The consent's signed form: open it, or attach one (a SIGNED_CONSENT document tied to this consent). */
function SignedForm({ clientId, consent, onAttached }: { clientId: string; consent: Consent; onAttached(): void }) {
  const { open, busy, problem } = useOpenDocument();
  const form = consent.signedForm;
  if (form)
    return (
      <>
        <button type="button" className="button link small" disabled={busy} onClick={() => void open(form, false)}>
          Open {form.title}
        </button>
        {problem ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
      </>
    );
  return (
    <Disclosure
      label={
        <>
          Attach<span className="visually-hidden"> the signed form of the consent to {consent.recipient?.name}</span>
        </>
      }
    >
      {() => (
        <UploadForm
          clientId={clientId}
          consentId={consent.id}
          defaultTitle={`Signed consent: ${consent.recipient?.name ?? 'organization'}`}
          onDone={onAttached}
        />
      )}
    </Disclosure>
  );
}
