/**
 * A partner's own directory entries: each service with its status, fields and
 * hours, editable; a new service; the organization's places. Every change is
 * recorded by the directory (HSDS metadata and the audit trail).
 */
import { useState } from 'react';
import { useQuery } from 'urql';
import { MyOrganizationDocument } from '../../graphql/generated';
import { describeSchedule } from '../../lib/hours';
import { Badge } from '../../ui/badges';
import { Details, Disclosure } from '../../ui/disclosure';
import { Empty, QueryView, Success } from '../../ui/feedback';
import { useLocalPages } from '../../ui/hooks';
import { Page, Section } from '../../ui/page';
import { LocalPager } from '../../ui/pager';
import { AddHoursForm, Hours, LocationForm, type Service, ServiceForm, StatusControl } from './ServiceForms';

const ORG_CONTEXT = { additionalTypenames: ['Service', 'Schedule'] };

export function OrganizationPage() {
  const [result, refetch] = useQuery({ query: MyOrganizationDocument, context: ORG_CONTEXT });
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = (text: string) => {
    setNotice(text);
    refetch({ requestPolicy: 'network-only' });
  };
  const org = result.data?.me.organization;
  return (
    <Page
      title="Our directory entries"
      subtitle={org ? `${org.name}: what case managers and 211 see when they search the directory` : undefined}
    >
      {notice ? <Success>{notice}</Success> : null}
      <QueryView result={result} what="your organization's entries" retry={() => refetch({ requestPolicy: 'network-only' })}>
        {() =>
          !org ? (
            <Empty>Your account is not linked to an organization of the directory.</Empty>
          ) : (
            <>
              <Section title="Services">
                <Disclosure label="Add a service" openLabel="Close the new service">
                  {(close) => (
                    <ServiceForm
                      service={null}
                      organizationId={org.id}
                      onDone={() => {
                        close();
                        refresh('The service was added.');
                      }}
                    />
                  )}
                </Disclosure>
                <ServiceList services={org.services} organizationId={org.id} onChanged={refresh} />
              </Section>
              <Section title="Places">
                <ul className="plain">
                  {org.locations.map((l) => (
                    <li key={l.id}>
                      <strong>{l.name ?? 'Unnamed place'}</strong>
                      {l.addresses.map((a) => (
                        <span key={a.id} className="block small">
                          {a.address1}
                          {a.address2 ? `, ${a.address2}` : ''}, {a.city} {a.stateProvince} {a.postalCode} ({a.addressType})
                        </span>
                      ))}
                      <Disclosure
                        label={
                          <>
                            Edit<span className="visually-hidden"> {l.name ?? 'the place'}</span>
                          </>
                        }
                        openLabel="Close the editor"
                      >
                        {(close) => (
                          <LocationForm
                            place={l}
                            onDone={() => {
                              close();
                              refresh(`${l.name ?? 'The place'} was saved.`);
                            }}
                          />
                        )}
                      </Disclosure>
                    </li>
                  ))}
                </ul>
              </Section>
            </>
          )
        }
      </QueryView>
    </Page>
  );
}

function ServiceList({
  services,
  organizationId,
  onChanged,
}: {
  services: Service[];
  organizationId: string;
  onChanged(text: string): void;
}) {
  const sorted = [...services].sort((a, b) => a.name.localeCompare(b.name));
  const pages = useLocalPages(sorted, 5);
  if (!services.length) return <Empty>No services yet.</Empty>;
  return (
    <>
      <ol className="services">
        {pages.items.map((s) => (
          <li key={s.id} className="service-card">
            <article aria-labelledby={`svc-${s.id}`}>
              <header className="hit-head">
                <h3 id={`svc-${s.id}`}>{s.name}</h3>
                <Badge value={s.status.toUpperCase().replace(/ /g, '_')} tone={s.status === 'active' ? 'badge-open' : 'badge-closed'} />
              </header>
              {s.description ? <p>{s.description}</p> : null}
              <Details
                items={[
                  ['Who can use it', s.eligibilityDescription ?? '—'],
                  ['Languages', s.languages.join(', ') || '—'],
                  ['Categories', s.taxonomyTerms.map((t) => t.name).join(', ') || '—'],
                  ['Delivered at', s.serviceAtLocations.map((x) => x.location.name ?? 'a place').join(', ') || '—'],
                  ['Hours', s.schedules.length ? s.schedules.map((h) => describeSchedule(h)).join('; ') : '—'],
                ]}
              />
              <div className="button-row">
                <StatusControl service={s} onDone={() => onChanged(`The status of ${s.name} was changed.`)} />
              </div>
              <Disclosure
                label={
                  <>
                    Edit<span className="visually-hidden"> {s.name}</span>
                  </>
                }
                openLabel="Close the editor"
              >
                {(close) => (
                  <ServiceForm
                    service={s}
                    organizationId={organizationId}
                    onDone={() => {
                      close();
                      onChanged(`${s.name} was saved.`);
                    }}
                  />
                )}
              </Disclosure>
              <Disclosure
                label={
                  <>
                    Hours<span className="visually-hidden"> of {s.name}</span>
                  </>
                }
                openLabel="Close the hours"
              >
                {(close) => (
                  <>
                    <Hours service={s} onDone={() => onChanged(`The hours of ${s.name} were changed.`)} />
                    <h4 className="small-heading">Add hours</h4>
                    <AddHoursForm
                      serviceId={s.id}
                      onDone={() => {
                        close();
                        onChanged(`Hours were added to ${s.name}.`);
                      }}
                    />
                  </>
                )}
              </Disclosure>
            </article>
          </li>
        ))}
      </ol>
      <LocalPager pages={pages} label="services" />
    </>
  );
}
