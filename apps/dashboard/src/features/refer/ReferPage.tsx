/**
 * Refer a client: find a service in the directory, then create and send the
 * referral (with the consent it needs). From a directory result
 * (`?service=…&place=…`) the service is already chosen.
 */
import { type ReactNode, useState } from 'react';
import { useQuery } from 'urql';
import { Link, useRouter } from '../../app/router';
import { ReferContextDocument, ServiceToReferDocument } from '../../graphql/generated';
import { Loading, QueryView } from '../../ui/feedback';
import { Page, Section } from '../../ui/page';
import { DirectorySearch, type Hit, HitCard } from '../directory/DirectorySearch';
import { ReferralForm } from './ReferralForm';

const CONTEXT = { additionalTypenames: ['Consent'] };

export function ReferPage({ clientId }: { clientId: string }) {
  const { navigate, search } = useRouter();
  const [result, refetch] = useQuery({ query: ReferContextDocument, variables: { id: clientId }, context: CONTEXT });
  const preset = usePresetService(search.get('service'), search.get('place'));
  // `undefined` until the caller picks (or drops) a service: the preset one, from a directory result, until then.
  const [picked, setChosen] = useState<Hit | null | undefined>(undefined);
  const chosen = picked === undefined ? preset.hit : picked;
  const name = result.data?.client?.displayName;
  return (
    <Page
      title={name ? `Refer ${name}` : 'Refer a client'}
      subtitle={<Link to={`/clients/${clientId}?tab=referrals`}>Back to the client's referrals</Link>}
    >
      {preset.notice}
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

/** The service a directory result was referred from, as a hit (no distance or open-now: it was not searched here). */
export function usePresetService(serviceId: string | null, placeId: string | null): { hit: Hit | null; notice: ReactNode } {
  const [result] = useQuery({
    query: ServiceToReferDocument,
    variables: { serviceId: serviceId ?? '', placeId: placeId ?? '', withPlace: Boolean(placeId) },
    pause: !serviceId,
  });
  if (!serviceId) return { hit: null, notice: null };
  if (result.fetching && !result.data) return { hit: null, notice: <Loading label="Loading the chosen service" /> };
  const service = result.data?.service;
  if (!service || service.status !== 'active') {
    const why = result.error ? 'could not be loaded' : service ? `is not taking referrals (${service.status})` : 'was not found';
    return { hit: null, notice: <p role="status">The service chosen in the directory {why}: find one below.</p> };
  }
  return { hit: { distanceKm: null, openNow: null, service, serviceAtLocation: result.data?.serviceAtLocation ?? null }, notice: null };
}
