/** Where the client lives, who they live with, and what they said about themselves (gender, pronouns, languages, education). */
import { useQuery } from 'urql';
import { ClientHomeDocument, type ClientHomeQuery } from '../../../graphql/generated';
import { formatDate } from '../../../lib/dates';
import { label } from '../../../lib/labels';
import { EMPTY_ADDRESS, EMPTY_DEMOGRAPHICS, type MemberValues, addressLine, addressValues, languageName } from '../../../lib/record';
import { Details, Disclosure } from '../../../ui/disclosure';
import { QueryView } from '../../../ui/feedback';
import { Section } from '../../../ui/page';
import { HouseholdForm } from './HouseholdForm';
import { AddressForm, DemographicsForm } from './HomeForms';

type Client = NonNullable<ClientHomeQuery['client']>;

export function HomePart({ clientId }: { clientId: string }) {
  const [result, refetch] = useQuery({ query: ClientHomeDocument, variables: { id: clientId } });
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  return (
    <QueryView result={result} what="the client’s address and household" retry={refresh}>
      {(data) => (data.client ? <HomeSections client={data.client} onSaved={refresh} /> : <p>No client has this id.</p>)}
    </QueryView>
  );
}

export function householdValues(client: Pick<Client, 'household'>): MemberValues[] {
  return client.household.map((m) => ({
    id: m.id,
    firstName: m.firstName,
    lastName: m.lastName ?? '',
    relationship: m.relationship,
    dateOfBirth: m.dateOfBirth ?? '',
    dependent: m.dependent,
  }));
}

export function demographicsValues(client: Pick<Client, 'demographics'>) {
  const d = client.demographics;
  return d
    ? {
        genderIdentity: d.genderIdentity ?? '',
        pronouns: d.pronouns ?? '',
        languages: [...d.languages],
        interpreterNeeded: d.interpreterNeeded,
        education: d.education ?? '',
      }
    : EMPTY_DEMOGRAPHICS;
}

function HomeSections({ client, onSaved }: { client: Client; onSaved(): void }) {
  const { address, household, demographics } = client;
  return (
    <div className="parts">
      <Section title="Address">
        {address ? (
          <>
            {address.noFixedAddress ? <p className="notice">No fixed address. Where to reach the client:</p> : null}
            <p>{addressLine(address)}</p>
            {address.latitude !== null && address.latitude !== undefined ? (
              <p className="small muted">
                Located for searches near the client ({address.latitude}, {address.longitude}).
              </p>
            ) : null}
          </>
        ) : (
          <p className="muted">No address recorded.</p>
        )}
        <Disclosure label={address ? 'Edit the address' : 'Add the address'}>
          {(close) => (
            <AddressForm
              clientId={client.id}
              initial={address ? addressValues(address) : EMPTY_ADDRESS}
              onDone={() => {
                close();
                onSaved();
              }}
            />
          )}
        </Disclosure>
      </Section>
      <Section title="Household">
        {household.length ? (
          <table className="table household">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Relationship</th>
                <th scope="col">Date of birth</th>
                <th scope="col">Dependant</th>
              </tr>
            </thead>
            <tbody>
              {household.map((m) => (
                <tr key={m.id}>
                  <th scope="row" data-label="Name">
                    {[m.firstName, m.lastName].filter(Boolean).join(' ')}
                  </th>
                  <td data-label="Relationship">{label(m.relationship)}</td>
                  <td data-label="Date of birth">{m.dateOfBirth ? formatDate(m.dateOfBirth) : '—'}</td>
                  <td data-label="Dependant">{m.dependent ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">Nobody listed in the household.</p>
        )}
        <Disclosure label="Edit the household">
          {(close) => (
            <HouseholdForm
              clientId={client.id}
              initial={householdValues(client)}
              onDone={() => {
                close();
                onSaved();
              }}
            />
          )}
        </Disclosure>
      </Section>
      <Section title="About the client">
        {demographics ? (
          <Details
            items={[
              ['Gender identity', demographics.genderIdentity ?? '—'],
              ['Pronouns', demographics.pronouns ?? '—'],
              ['Languages', demographics.languages.length ? demographics.languages.map(languageName).join(', ') : '—'],
              ['Interpreter', demographics.interpreterNeeded ? 'Needs an interpreter' : 'No interpreter needed'],
              ['Education', demographics.education ?? '—'],
            ]}
          />
        ) : (
          <p className="muted">Nothing recorded yet. Everything here is self-described and optional.</p>
        )}
        <Disclosure label="Edit what the client told us">
          {(close) => (
            <DemographicsForm
              clientId={client.id}
              initial={demographicsValues(client)}
              onDone={() => {
                close();
                onSaved();
              }}
            />
          )}
        </Disclosure>
      </Section>
    </div>
  );
}
