/** Refer a client: find a service in the directory, then create and send the referral (with the consent it needs). */
import { useState } from 'react';
import { useQuery } from 'urql';
import { Link, useRouter } from '../../app/router';
import { ReferContextDocument } from '../../graphql/generated';
import { QueryView } from '../../ui/feedback';
import { Page, Section } from '../../ui/page';
import { DirectorySearch, type Hit, HitCard } from '../directory/DirectorySearch';
import { ReferralForm } from './ReferralForm';

const CONTEXT = { additionalTypenames: ['Consent'] };

export function ReferPage({ clientId }: { clientId: string }) {
  const { navigate } = useRouter();
  const [result, refetch] = useQuery({ query: ReferContextDocument, variables: { id: clientId }, context: CONTEXT });
  const [chosen, setChosen] = useState<Hit | null>(null);
  const name = result.data?.client?.displayName;
  return (
    <Page
      title={name ? `Refer ${name}` : 'Refer a client'}
      subtitle={<Link to={`/clients/${clientId}?tab=referrals`}>Back to the client's referrals</Link>}
    >
      <QueryView result={result} what="the client" retry={() => refetch({ requestPolicy: 'network-only' })}>
        {(data) =>
          !data.client ? (
            <p>No such client.</p>
          ) : chosen ? (
            <Section
              title="2. The referral"
              actions={
                <button type="button" className="button secondary small" onClick={() => setChosen(null)}>
                  Choose another service
                </button>
              }
            >
              <ol className="hits single">
                <HitCard hit={chosen} />
              </ol>
              <ReferralForm
                client={data.client}
                hit={chosen}
                onConsentRecorded={() => refetch({ requestPolicy: 'network-only' })}
                onSent={() => navigate(`/clients/${clientId}?tab=referrals`)}
              />
            </Section>
          ) : (
            <Section title="1. Find a service">
              <DirectorySearch
                clientId={clientId}
                action={(hit) =>
                  hit.service.status === 'active' ? (
                    <button type="button" className="button primary small" onClick={() => setChosen(hit)}>
                      Refer to {hit.service.name}
                    </button>
                  ) : (
                    <span className="muted">Not taking referrals ({hit.service.status})</span>
                  )
                }
              />
            </Section>
          )
        }
      </QueryView>
    </Page>
  );
}
