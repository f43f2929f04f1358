/** Intake: where the client lives, who they live with and what they say about themselves, each saved on its own. */
import { useState } from 'react';
import { useQuery } from 'urql';
import { ClientHomeDocument } from '../../graphql/generated';
import { EMPTY_ADDRESS, addressValues } from '../../lib/record';
import { QueryView, Success } from '../../ui/feedback';
import { Section } from '../../ui/page';
import { demographicsValues, householdValues } from '../client/record/HomePart';
import { HouseholdForm } from '../client/record/HouseholdForm';
import { AddressForm, DemographicsForm } from '../client/record/HomeForms';

export function AboutStep({ clientId, onNext }: { clientId: string; onNext(): void }) {
  const [result, refetch] = useQuery({ query: ClientHomeDocument, variables: { id: clientId } });
  const [saved, setSaved] = useState<string[]>([]);
  const done = (what: string) => {
    setSaved((s) => [...s.filter((x) => x !== what), what]);
    refetch({ requestPolicy: 'network-only' });
  };
  return (
    <QueryView result={result} what="the client’s address and household" retry={() => refetch({ requestPolicy: 'network-only' })}>
      {(data) =>
        data.client ? (
          <div className="parts">
            {saved.length ? <Success>Saved: {saved.join(', ')}.</Success> : null}
            <Section title="Address" level={3}>
              <AddressForm
                clientId={clientId}
                initial={data.client.address ? addressValues(data.client.address) : EMPTY_ADDRESS}
                onDone={() => done('the address')}
              />
            </Section>
            <Section title="Household" level={3}>
              <HouseholdForm clientId={clientId} initial={householdValues(data.client)} onDone={() => done('the household')} />
            </Section>
            <Section title="About the client" level={3}>
              <DemographicsForm
                clientId={clientId}
                initial={demographicsValues(data.client)}
                submitLabel="Save what the client told us"
                onDone={() => done('what the client told us')}
              />
            </Section>
            <p>
              <button type="button" className="button primary" onClick={onNext}>
                Continue to the needs assessment
              </button>
            </p>
          </div>
        ) : (
          <p>No client has this id.</p>
        )
      }
    </QueryView>
  );
}
