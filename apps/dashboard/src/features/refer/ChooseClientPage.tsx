/**
 * "Refer a client" from a directory result: the service is known, the client
 * is not. Find the client by name (the clients the caller may see, not
 * closed), then the referral screen opens with the service already chosen.
 */
import { type FormEvent, useState } from 'react';
import { useQuery } from 'urql';
import { Link, useRouter } from '../../app/router';
import { ClientSearchDocument } from '../../graphql/generated';
import { withQuery } from '../../lib/routes';
import { Empty } from '../../ui/feedback';
import { TextField } from '../../ui/fields';
import { Page, Section } from '../../ui/page';
import { HitCard } from '../directory/DirectorySearch';
import { usePresetService } from './ReferPage';

const OPEN = ['INTAKE', 'ACTIVE', 'ON_HOLD'] as const;

export function ChooseClientPage() {
  const { search } = useRouter();
  const serviceId = search.get('service');
  const placeId = search.get('place');
  const preset = usePresetService(serviceId, placeId);
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [clients, retry] = useQuery({
    query: ClientSearchDocument,
    variables: { first: 20, filter: { status: [...OPEN], nameContains: name || null } },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setName(text.trim());
  };
  const connection = clients.data?.clients;
  return (
    <Page title="Refer a client" subtitle={<Link to="/directory">Back to the directory</Link>}>
      {preset.notice}
      {preset.hit ? (
        <Section title="The service">
          <ol className="hits single">
            <HitCard hit={preset.hit} />
          </ol>
        </Section>
      ) : null}
      <Section title="Choose the client">
        <form className="search-form" role="search" aria-label="Find the client" onSubmit={submit}>
          <TextField
            name="client"
            type="search"
            label="Client's name"
            value={text}
            onChange={setText}
            hint="First, last or preferred name"
          />
          <button type="submit" className="button primary">
            Find
          </button>
        </form>
        {clients.error ? (
          <p role="alert">
            Clients could not be loaded.{' '}
            <button type="button" className="button secondary small" onClick={() => retry({ requestPolicy: 'network-only' })}>
              Try again
            </button>
          </p>
        ) : null}
        {connection ? (
          connection.edges.length ? (
            <ul aria-label="Clients">
              {connection.edges.map(({ node }) => (
                <li key={node.id}>
                  <Link
                    to={withQuery(`/clients/${node.id}/refer`, { service: serviceId, place: placeId })}
                    aria-label={`Refer ${node.displayName}`}
                  >
                    {node.displayName}
                  </Link>{' '}
                  <span className="muted">{node.status.toLowerCase().replace('_', ' ')}</span>
                </li>
              ))}
            </ul>
          ) : (
            <Empty>{name ? `No open client matches “${name}”.` : 'You have no open clients.'}</Empty>
          )
        ) : null}
      </Section>
    </Page>
  );
}
