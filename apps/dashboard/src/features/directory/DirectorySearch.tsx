/**
 * Searching the community-resource directory: words, a category of the
 * taxonomy (and a sub-category), distance from the agency's office (or, when
 * referring a client, from the client's address), open now, and the order
 * (best match or nearest first); each service with its organization,
 * address, hours, languages and categories. Used on its own (Directory, where
 * the search is kept in the address) and to choose a service to refer to.
 */
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { useMe } from '../../app/session';
import {
  SearchServicesDocument,
  type SearchOrder,
  type SearchServicesQuery,
  type ServiceSearchInput,
  TaxonomyTermsDocument,
} from '../../graphql/generated';
import { hoursAt } from '../../lib/hours';
import { Badge } from '../../ui/badges';
import { Empty, ErrorNotice, Loading } from '../../ui/feedback';
import { CheckboxField, SelectField, TextField } from '../../ui/fields';
import { useCursorPages } from '../../ui/hooks';
import { Pager } from '../../ui/pager';
import { PhoneLines, ScheduleLines } from '../shared/Hours';

export type Hit = SearchServicesQuery['searchServices']['edges'][number]['node'];

const PAGE = 10;
const RADII = ['2', '5', '10', '25', '50'];
const NEAR = ['office', 'client', 'anywhere'] as const;
/** '' is the API's default: best match when there are words, else nearest first. */
const SORTS = ['', 'RELEVANCE', 'DISTANCE'] as const;

export interface SearchForm {
  text: string;
  category: string;
  subcategory: string;
  near: (typeof NEAR)[number];
  radiusKm: string;
  openNow: boolean;
  sort: (typeof SORTS)[number];
}

export const EMPTY_SEARCH: SearchForm = {
  text: '',
  category: '',
  subcategory: '',
  near: 'office',
  radiusKm: '10',
  openNow: false,
  sort: '',
};

/** The API's search input for the form, near the given point when there is one (or the client's address, whose point stays on the server). */
export function searchInput(
  form: SearchForm,
  office: { latitude: number; longitude: number } | null,
  now: Date,
  clientId?: string,
): ServiceSearchInput {
  const term = form.subcategory || form.category;
  return {
    text: form.text.trim() || null,
    taxonomyTermIds: term ? [term] : null,
    ...(form.near === 'office' && office ? { near: office, radiusKm: Number(form.radiusKm) } : {}),
    ...(form.near === 'client' && clientId ? { nearClientId: clientId, radiusKm: Number(form.radiusKm) } : {}),
    ...(form.openNow ? { openAt: now.toISOString() } : {}),
  };
}

/** The order to ask for: none (the API's default), and never "nearest" without a point to measure from. */
export function searchOrder(form: SearchForm, input: ServiceSearchInput): SearchOrder | null {
  if (!form.sort) return null;
  if (form.sort === 'DISTANCE' && !input.near && !input.nearClientId) return null;
  return form.sort;
}

/** The search kept in the address (`?q=…&category=…&sub=…&near=…&km=…&open=1&sort=…`); anything unknown falls back to the default. */
export function searchFromParams(params: URLSearchParams): SearchForm {
  const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
    allowed.includes(value as T) ? (value as T) : fallback;
  return {
    text: params.get('q') ?? '',
    category: params.get('category') ?? '',
    subcategory: params.get('category') ? (params.get('sub') ?? '') : '',
    near: pick(params.get('near'), NEAR, EMPTY_SEARCH.near),
    radiusKm: pick(params.get('km'), RADII, EMPTY_SEARCH.radiusKm),
    openNow: params.get('open') === '1',
    sort: pick(params.get('sort')?.toUpperCase() ?? null, SORTS, ''),
  };
}

/** The address parameters of a search, leaving out what is the default. */
export function searchParams(form: SearchForm): Record<string, string | null> {
  return {
    q: form.text.trim() || null,
    category: form.category || null,
    sub: form.category ? form.subcategory || null : null,
    near: form.near === EMPTY_SEARCH.near ? null : form.near,
    km: form.radiusKm === EMPTY_SEARCH.radiusKm ? null : form.radiusKm,
    open: form.openNow ? '1' : null,
    sort: form.sort ? form.sort.toLowerCase() : null,
  };
}

interface DirectorySearchProps {
  action?(hit: Hit): ReactNode;
  intro?: ReactNode;
  clientId?: string;
  /** The search to run, when the caller keeps it (the Directory page keeps it in the address); otherwise kept here. */
  search?: SearchForm;
  onSearch?(form: SearchForm): void;
}

export function DirectorySearch({ action, intro, clientId, search, onSearch }: DirectorySearchProps) {
  const me = useMe();
  const location = me.organization?.locations.find((l) => l.latitude !== null && l.longitude !== null);
  const office = location ? { latitude: location.latitude as number, longitude: location.longitude as number } : null;
  const [own, setOwn] = useState<{ form: SearchForm; at: string }>({ form: EMPTY_SEARCH, at: new Date().toISOString() });
  const searchKey = search ? JSON.stringify(search) : null;
  // A search from the address is run at the time it is read ("open now" then means now).
  const keptAt = useMemo(() => new Date().toISOString(), [searchKey]);
  const submitted = search ? { form: search, at: keptAt } : own;
  // The form being edited, for the search it was edited on: when the search changes from outside (back, forward, a link), the form shows it.
  const [draft, setDraft] = useState<{ key: string | null; form: SearchForm } | null>(null);
  const form = draft && draft.key === searchKey ? draft.form : submitted.form;
  const setForm = (next: SearchForm) => setDraft({ key: searchKey, form: next });
  const input = searchInput(submitted.form, office, new Date(submitted.at), clientId);
  const orderBy = searchOrder(submitted.form, input);
  const pages = useCursorPages(JSON.stringify(submitted));
  const [result, retry] = useQuery({ query: SearchServicesDocument, variables: { input, first: PAGE, after: pages.after, orderBy } });
  const [top] = useQuery({ query: TaxonomyTermsDocument, variables: {}, requestPolicy: 'cache-first' });
  const [children] = useQuery({
    query: TaxonomyTermsDocument,
    variables: { parentId: form.category },
    pause: !form.category,
    requestPolicy: 'cache-first',
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (onSearch) {
      // What was edited is now the search; going back to the previous one shows that one, not these edits.
      setDraft(null);
      onSearch(form);
    } else setOwn({ form, at: new Date().toISOString() });
  };
  const connection = result.data?.searchServices;
  return (
    <div className="directory-search">
      {intro}
      <form className="search-form" role="search" aria-label="Search the directory" onSubmit={submit}>
        <TextField
          name="text"
          type="search"
          label="Words"
          value={form.text}
          onChange={(text) => setForm({ ...form, text })}
          hint="e.g. food bank, rent, counselling"
        />
        <SelectField
          name="category"
          label="Category"
          value={form.category}
          onChange={(category) => setForm({ ...form, category, subcategory: '' })}
          placeholder="Any category"
          options={(top.data?.taxonomyTerms ?? []).map((t) => ({ value: t.id, label: t.name }))}
          hint={top.error ? 'Categories are unavailable right now.' : undefined}
        />
        <SelectField
          name="subcategory"
          label="Sub-category"
          value={form.subcategory}
          disabled={!form.category || !children.data?.taxonomyTerms.length}
          onChange={(subcategory) => setForm({ ...form, subcategory })}
          placeholder="Any"
          options={(children.data?.taxonomyTerms ?? []).map((t) => ({ value: t.id, label: t.name }))}
        />
        <SelectField
          name="near"
          label="Where"
          value={form.near}
          onChange={(near) => setForm({ ...form, near: near as SearchForm['near'] })}
          options={[
            ...(office ? [{ value: 'office', label: `Near ${me.organization?.name ?? 'my office'}` }] : []),
            ...(clientId ? [{ value: 'client', label: 'Near the client’s address' }] : []),
            { value: 'anywhere', label: 'Anywhere' },
          ]}
        />
        <SelectField
          name="radius"
          label="Within"
          value={form.radiusKm}
          disabled={form.near === 'anywhere' || (form.near === 'office' && !office)}
          onChange={(radiusKm) => setForm({ ...form, radiusKm })}
          options={RADII.map((r) => ({ value: r, label: `${r} km` }))}
        />
        <SelectField
          name="sort"
          label="Order"
          value={form.sort}
          onChange={(sort) => setForm({ ...form, sort: sort as SearchForm['sort'] })}
          options={[
            { value: '', label: 'Best match for words, else nearest' },
            { value: 'RELEVANCE', label: 'Best match first' },
            { value: 'DISTANCE', label: 'Nearest first' },
          ]}
          hint={form.sort === 'DISTANCE' && form.near === 'anywhere' ? 'Nearest first needs a place to measure from.' : undefined}
        />
        <CheckboxField name="openNow" label="Open now" checked={form.openNow} onChange={(openNow) => setForm({ ...form, openNow })} />
        <button type="submit" className="button primary">
          Search
        </button>
      </form>
      {!connection && result.fetching ? <Loading label="Searching the directory" /> : null}
      {!connection && result.error ? (
        <ErrorNotice error={result.error} what="the directory" onRetry={() => retry({ requestPolicy: 'network-only' })} />
      ) : null}
      {connection ? (
        <section aria-label="Search results">
          <p className="count" aria-live="polite">
            {connection.totalCount === 0
              ? 'No service matches. Try fewer words, another category or a wider distance.'
              : `${connection.totalCount} ${connection.totalCount === 1 ? 'service' : 'services'}`}
            {result.fetching ? ' · updating…' : ''}
          </p>
          {connection.edges.length ? (
            <ol className="hits">
              {connection.edges.map(({ node }) => (
                <HitCard key={node.service.id} hit={node} action={action} />
              ))}
            </ol>
          ) : (
            <Empty>Nothing on this page.</Empty>
          )}
          <Pager
            page={pages.page}
            hasPrevious={pages.page > 1}
            hasNext={connection.pageInfo.hasNextPage}
            onPrevious={pages.previous}
            onNext={() => pages.next(connection.pageInfo.endCursor)}
            total={connection.totalCount}
            pageSize={PAGE}
            shown={connection.edges.length}
            label="search results"
          />
        </section>
      ) : null}
    </div>
  );
}

export function HitCard({ hit, action }: { hit: Hit; action?(hit: Hit): ReactNode }) {
  const s = hit.service;
  const place = hit.serviceAtLocation?.location;
  const address = place?.addresses[0];
  const schedules = hoursAt(s, hit.serviceAtLocation);
  return (
    <li className="hit">
      <article aria-labelledby={`hit-${s.id}`}>
        <header className="hit-head">
          <h3 id={`hit-${s.id}`}>{s.name}</h3>
          <span className="muted">{s.organization.name}</span>
          <span className="hit-badges">
            {hit.openNow === true ? (
              <Badge value="OPEN_NOW" tone="badge-open" />
            ) : hit.openNow === false ? (
              <Badge value="CLOSED_NOW" tone="badge-closed" />
            ) : null}
            {s.status !== 'active' ? <Badge value={s.status.toUpperCase().replace(/ /g, '_')} tone="badge-closed" /> : null}
            {hit.distanceKm !== null ? <span className="distance">{hit.distanceKm.toFixed(1)} km</span> : null}
          </span>
        </header>
        {s.description ? <p>{s.description}</p> : null}
        <dl className="details compact">
          <div>
            <dt>Address</dt>
            <dd>
              {address
                ? `${address.address1}${address.address2 ? `, ${address.address2}` : ''}, ${address.city} ${address.stateProvince} ${address.postalCode}`
                : (place?.name ?? 'No street address')}
            </dd>
          </div>
          <div>
            <dt>Hours</dt>
            <dd>
              <ScheduleLines schedules={schedules} empty="No hours listed" />
            </dd>
          </div>
          {s.eligibilityDescription ? (
            <div>
              <dt>Who can use it</dt>
              <dd>{s.eligibilityDescription}</dd>
            </div>
          ) : null}
          {s.languages.length ? (
            <div>
              <dt>Languages</dt>
              <dd>{s.languages.join(', ')}</dd>
            </div>
          ) : null}
          {s.phones.length ? (
            <div>
              <dt>Phone</dt>
              <dd>
                <PhoneLines phones={s.phones} empty="" />
              </dd>
            </div>
          ) : null}
          {s.taxonomyTerms.length ? (
            <div>
              <dt>Categories</dt>
              <dd>{s.taxonomyTerms.map((t) => t.name).join(', ')}</dd>
            </div>
          ) : null}
        </dl>
        {action ? <div className="hit-action">{action(hit)}</div> : null}
      </article>
    </li>
  );
}
