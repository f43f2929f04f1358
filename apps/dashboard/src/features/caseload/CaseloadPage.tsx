/**
 * The caseload: most urgent first, with why; filter by status, search by
 * name; supervisors switch between the agency's case managers and reassign.
 * The filters and the page (the cursors that led to it, `after`) live in
 * the address, so that Back, Forward and a reload return to the same view.
 */
import { type FormEvent, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { useRouter } from '../../app/router';
import { useMe } from '../../app/session';
import {
  AgencyCaseManagersDocument,
  type CaseloadQuery,
  CaseloadDocument,
  ClientSearchDocument,
  type ClientStatus,
  ClientStatusValues,
} from '../../graphql/generated';
import { type CaseloadFilters, DEFAULT_STATUSES, PAGE_SIZE, caseloadRequest, agencyStaff } from '../../lib/caseload';
import { label } from '../../lib/labels';
import { withQuery } from '../../lib/routes';
import { ErrorNotice, Loading, Success } from '../../ui/feedback';
import { ChoiceGroup, SelectField, TextField } from '../../ui/fields';
import { Page } from '../../ui/page';
import { Pager } from '../../ui/pager';
import { Link } from '../../app/router';
import { CaseloadTable } from './CaseloadTable';

export type CaseloadRow = CaseloadQuery['myCaseload']['edges'][number]['node'];

function filtersFrom(search: URLSearchParams): CaseloadFilters {
  const status = (search
    .get('status')
    ?.split(',')
    .filter((s): s is ClientStatus => (ClientStatusValues as readonly string[]).includes(s)) ?? DEFAULT_STATUSES) as ClientStatus[];
  return { status, search: search.get('q') ?? '', caseManagerId: search.get('cm') };
}

/**
 * Pages kept in the address: `after` lists the end cursors of the pages before
 * this one, comma-separated (cursors are base64url), so the page is a history
 * entry of its own and Previous goes back one cursor. New filters drop it.
 */
function urlPages(search: URLSearchParams, navigate: (to: string) => void) {
  const trail = (search.get('after') ?? '').split(',').filter(Boolean);
  const go = (next: string[]) => {
    const params = new URLSearchParams(search);
    if (next.length) params.set('after', next.join(','));
    else params.delete('after');
    const query = params.toString();
    navigate(query ? `/caseload?${query}` : '/caseload');
  };
  return {
    after: trail.length ? trail[trail.length - 1] : null,
    page: trail.length + 1,
    next: (endCursor: string | null) => {
      if (endCursor) go([...trail, endCursor]);
    },
    previous: () => go(trail.slice(0, -1)),
  };
}

export function CaseloadPage() {
  const me = useMe();
  const { search, navigate } = useRouter();
  const filters = filtersFrom(search);
  const supervisor = me.role === 'SUPERVISOR';
  const [staffResult] = useQuery({ query: AgencyCaseManagersDocument, pause: !supervisor, requestPolicy: 'cache-first' });
  const staff = useMemo(() => agencyStaff(staffResult.data), [staffResult.data]);
  // A supervisor's own caseload is usually empty: start on the first case manager's.
  const caseManagerId = supervisor ? (filters.caseManagerId ?? staff.find((s) => s.role === 'CASE_MANAGER')?.id ?? null) : null;
  const effective = { ...filters, caseManagerId };
  const pages = urlPages(search, navigate);
  const request = caseloadRequest(effective, me, pages.after);
  const waitForStaff = supervisor && !filters.caseManagerId && staffResult.fetching;

  const [caseload, refetchCaseload] = useQuery({
    query: CaseloadDocument,
    variables: request.kind === 'caseload' ? request.variables : {},
    pause: request.kind !== 'caseload' || waitForStaff,
  });
  const [found, refetchFound] = useQuery({
    query: ClientSearchDocument,
    variables: request.kind === 'search' ? request.variables : {},
    pause: request.kind !== 'search' || waitForStaff,
  });
  const result = request.kind === 'caseload' ? caseload : found;
  const connection = request.kind === 'caseload' ? caseload.data?.myCaseload : found.data?.clients;
  const root = request.kind === 'caseload' ? 'myCaseload' : 'clients';
  const retry = () => (request.kind === 'caseload' ? refetchCaseload : refetchFound)({ requestPolicy: 'network-only' });
  const [notice, setNotice] = useState<string | null>(null);

  const setFilters = (next: Partial<CaseloadFilters>) => {
    const merged = { ...filters, ...next };
    navigate(withQuery('/caseload', { status: merged.status.join(','), q: merged.search.trim(), cm: merged.caseManagerId }), {
      replace: true,
    });
  };

  const whose = supervisor ? (staff.find((s) => s.id === caseManagerId)?.displayName ?? 'your agency') : 'your';
  return (
    <Page
      title={supervisor ? 'Caseloads' : 'My caseload'}
      subtitle={filters.search.trim() ? `Clients named “${filters.search.trim()}”, by name` : 'Most urgent first: the priority says why.'}
      actions={
        <Link to="/intake" className="button primary">
          New intake
        </Link>
      }
    >
      <div className="filters" role="search" aria-label="Caseload filters">
        {supervisor ? (
          staffResult.error ? (
            <ErrorNotice error={staffResult.error} what="the agency's case managers" />
          ) : (
            <SelectField
              name="caseManager"
              label="Case manager"
              value={caseManagerId ?? ''}
              onChange={(v) => setFilters({ caseManagerId: v || null })}
              options={staff.map((s) => ({ value: s.id, label: `${s.displayName}${s.role === 'SUPERVISOR' ? ' (supervisor)' : ''}` }))}
              placeholder={staff.length ? undefined : 'Loading…'}
            />
          )
        ) : null}
        <ChoiceGroup
          legend="Status"
          name="status"
          type="checkbox"
          inline
          options={ClientStatusValues.map((s) => ({ value: s, label: label(s) }))}
          value={filters.status}
          onChange={(status) => setFilters({ status })}
        />
        <NameSearch initial={filters.search} onSearch={(q) => setFilters({ search: q })} />
      </div>
      {notice ? <Success>{notice}</Success> : null}
      {waitForStaff ? <Loading label="Loading the agency's case managers" /> : null}
      {!connection && result.fetching ? <Loading label={`Loading ${whose === 'your' ? 'your' : `${whose}'s`} caseload`} /> : null}
      {!connection && result.error ? <ErrorNotice error={result.error} what="the caseload" onRetry={retry} /> : null}
      {connection ? (
        <>
          <p className="count" aria-live="polite">
            {connection.totalCount === 0
              ? 'No clients match.'
              : `${connection.totalCount} ${connection.totalCount === 1 ? 'client' : 'clients'}`}
            {result.fetching ? ' · updating…' : ''}
          </p>
          <CaseloadTable
            rows={connection.edges.map((e) => e.node)}
            root={root}
            error={result.error}
            supervisor={supervisor}
            staff={staff}
            onRetry={retry}
            onChanged={(message) => {
              setNotice(message);
              retry();
            }}
          />
          <Pager
            page={pages.page}
            hasPrevious={pages.page > 1}
            hasNext={connection.pageInfo.hasNextPage}
            onPrevious={pages.previous}
            onNext={() => pages.next(connection.pageInfo.endCursor)}
            total={connection.totalCount}
            pageSize={PAGE_SIZE}
            shown={connection.edges.length}
            label="the caseload"
          />
        </>
      ) : null}
    </Page>
  );
}

function NameSearch({ initial, onSearch }: { initial: string; onSearch(q: string): void }) {
  const [text, setText] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(text);
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <TextField name="q" type="search" label="Search by name" value={text} onChange={setText} hint="First, last or preferred name" />
      <button type="submit" className="button secondary">
        Search
      </button>
      {initial ? (
        <button
          type="button"
          className="button link"
          onClick={() => {
            setText('');
            onSearch('');
          }}
        >
          Clear search
        </button>
      ) : null}
    </form>
  );
}
