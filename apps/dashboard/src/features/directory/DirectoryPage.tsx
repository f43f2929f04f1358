/** The community-resource directory for every role: search and read services. */
import { Page } from '../../ui/page';
import { DirectorySearch } from './DirectorySearch';

export function DirectoryPage() {
  return (
    <Page title="Directory" subtitle="Services of the community-resource directory (Open Referral HSDS).">
      <DirectorySearch />
    </Page>
  );
}
