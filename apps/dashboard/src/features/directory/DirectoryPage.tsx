/**
 * The community-resource directory for every role: search and read services.
 * The search is kept in the address (reload, back and forward restore it; a
 * link shares it); case managers and supervisors refer a client from a result.
 */
import { Link, useRouter } from '../../app/router';
import { useMe } from '../../app/session';
import { withQuery } from '../../lib/routes';
import { Page } from '../../ui/page';
import { DirectorySearch, type Hit, searchFromParams, searchParams } from './DirectorySearch';

const REFERRERS = ['CASE_MANAGER', 'SUPERVISOR'];

/** Where "Refer a client" goes: the client is chosen there, then the referral screen opens with this service. */
export function referPath(hit: Hit): string {
  return withQuery('/refer', { service: hit.service.id, place: hit.serviceAtLocation?.id });
}

export function DirectoryPage() {
  const me = useMe();
  const { search, navigate } = useRouter();
  const referrer = REFERRERS.includes(me.role);
  return (
    <Page title="Directory" subtitle="Services of the community-resource directory (Open Referral HSDS).">
      <DirectorySearch
        search={searchFromParams(search)}
        onSearch={(form) => navigate(withQuery('/directory', searchParams(form)))}
        action={
          referrer
            ? (hit) =>
                hit.service.status === 'active' ? (
                  <Link to={referPath(hit)} className="button primary small" aria-label={`Refer a client to ${hit.service.name}`}>
                    Refer a client
                  </Link>
                ) : (
                  <span className="muted">Not taking referrals ({hit.service.status})</span>
                )
            : undefined
        }
      />
    </Page>
  );
}
