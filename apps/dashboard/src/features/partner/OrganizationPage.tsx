/**
 * A partner's own directory entries: each service with its status, fields,
 * opening hours and phones, editable; a new service; the organization's
 * places with their address, phones and the hours of the services there; the
 * organization's own phones. Hours read as the directory shows them: those of
 * the service at a place when it has its own, else the service's. Every
 * change is recorded by the directory (HSDS metadata and the audit trail).
 */
import { useState } from 'react';
import { useQuery } from 'urql';
import { MyOrganizationDocument } from '../../graphql/generated';
import { hoursAt } from '../../lib/hours';
import { Badge } from '../../ui/badges';
import { Details, Disclosure } from '../../ui/disclosure';
import { Empty, QueryView, Success } from '../../ui/feedback';
import { useLocalPages } from '../../ui/hooks';
import { Page, Section } from '../../ui/page';
import { LocalPager } from '../../ui/pager';
import { PhoneLines, ScheduleLines } from '../shared/Hours';
import { HoursEditor, PhonesEditor, named } from './ContactEditors';
import { LocationForm, type Place, type Service, ServiceForm, StatusControl } from './ServiceForms';

const ORG_CONTEXT = { additionalTypenames: ['Service', 'Schedule', 'Phone', 'Location'] };

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
                <ul className="plain places">
                  {org.locations.map((l) => (
                    <PlaceItem key={l.id} place={l} services={org.services} onChanged={refresh} />
                  ))}
                </ul>
              </Section>
              <Section title="Phones of the organization">
                <PhonesEditor owner={{ organizationId: org.id }} phones={org.phones} where={org.name} onChanged={refresh} />
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
                  ['Hours', <ServiceHours key="hours" service={s} />],
                  ['Phone', <PhoneLines key="phones" phones={s.phones} empty="—" full />],
                ]}
              />
              <div className="button-row">
                <StatusControl service={s} onDone={() => onChanged(`The status of ${s.name} was changed.`)} />
              </div>
              <Disclosure label={named('Edit', s.name)} openLabel="Close the editor">
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
              <Disclosure label={named('Hours', `of ${s.name}`)} openLabel={named('Close the hours', `of ${s.name}`)}>
                {() => (
                  <>
                    {s.serviceAtLocations.map((sal) => (
                      <div key={sal.id}>
                        <h4 className="small-heading">At {sal.location.name ?? 'a place'}</h4>
                        <HoursEditor
                          owner={{ serviceAtLocationId: sal.id }}
                          schedules={sal.schedules}
                          where={`${s.name} at ${sal.location.name ?? 'a place'}`}
                          onChanged={onChanged}
                        />
                      </div>
                    ))}
                    <h4 className="small-heading">{s.serviceAtLocations.length ? 'At its other places' : 'Hours of the service'}</h4>
                    {s.serviceAtLocations.length ? (
                      <p className="muted small">The directory shows these where the service has no hours of its own at the place.</p>
                    ) : null}
                    <HoursEditor owner={{ serviceId: s.id }} schedules={s.schedules} where={s.name} onChanged={onChanged} />
                  </>
                )}
              </Disclosure>
              <Disclosure label={named('Phones', `of ${s.name}`)} openLabel={named('Close the phones', `of ${s.name}`)}>
                {() => <PhonesEditor owner={{ serviceId: s.id }} phones={s.phones} where={s.name} onChanged={onChanged} />}
              </Disclosure>
            </article>
          </li>
        ))}
      </ol>
      <LocalPager pages={pages} label="services" />
    </>
  );
}

/** A service's hours as the directory shows them at each of its places (the place's name first when there are several). */
function ServiceHours({ service }: { service: Service }) {
  const places = service.serviceAtLocations;
  if (places.length === 0) return <ScheduleLines schedules={service.schedules} empty="—" />;
  if (places.length === 1) return <ScheduleLines schedules={hoursAt(service, places[0])} empty="—" />;
  return (
    <>
      {places.map((sal) => (
        <span key={sal.id} className="block">
          <strong>{sal.location.name ?? 'A place'}:</strong> <ScheduleLines schedules={hoursAt(service, sal)} empty="—" />
        </span>
      ))}
    </>
  );
}

/** A place: its address and phones, the hours of each service delivered there; the address, phones and hours editable. */
function PlaceItem({ place, services, onChanged }: { place: Place; services: Service[]; onChanged(text: string): void }) {
  const name = place.name ?? 'Unnamed place';
  const here = services.flatMap((s) => s.serviceAtLocations.filter((x) => x.location.id === place.id).map((sal) => ({ service: s, sal })));
  return (
    <li className="place">
      <strong>{name}</strong>
      {place.addresses.map((a) => (
        <span key={a.id} className="block small">
          {a.address1}
          {a.address2 ? `, ${a.address2}` : ''}, {a.city} {a.stateProvince} {a.postalCode} ({a.addressType})
        </span>
      ))}
      <span className="block small">
        Phone: <PhoneLines phones={place.phones} empty="—" full />
      </span>
      <Disclosure label={named('Edit', name)} openLabel={named('Close the editor', `of ${name}`)}>
        {(close) => (
          <>
            <h4 className="small-heading">Address</h4>
            <LocationForm
              place={place}
              onDone={() => {
                close();
                onChanged(`${name} was saved.`);
              }}
            />
            <h4 className="small-heading">Phones</h4>
            <PhonesEditor owner={{ locationId: place.id }} phones={place.phones} where={name} onChanged={onChanged} />
            {here.map(({ service, sal }) => (
              <div key={sal.id}>
                <h4 className="small-heading">Hours of {service.name} here</h4>
                <HoursEditor
                  owner={{ serviceAtLocationId: sal.id }}
                  schedules={sal.schedules}
                  where={`${service.name} at ${name}`}
                  onChanged={onChanged}
                />
              </div>
            ))}
          </>
        )}
      </Disclosure>
    </li>
  );
}
