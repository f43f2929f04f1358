/** The app: sign-in when there is no session, otherwise the signed-in pages by route and role. */
import type { ReactNode } from 'react';
import { type AuthEnvironment, AuthProvider, useAuth } from '../auth/AuthProvider';
import { CallbackPage } from '../auth/CallbackPage';
import { SignInPage } from '../auth/SignInPage';
import { CaseloadPage } from '../features/caseload/CaseloadPage';
import { AuditTrailPage } from '../features/client/AuditTrailPage';
import { ClosuresPage } from '../features/closures/ClosuresPage';
import { ClientFilePage } from '../features/client/ClientFilePage';
import { DirectoryPage } from '../features/directory/DirectoryPage';
import { IntakePage } from '../features/intake/IntakePage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { SettingsPage } from '../features/notifications/SettingsPage';
import { OutcomesPage } from '../features/outcomes/OutcomesPage';
import { InboxPage } from '../features/partner/InboxPage';
import { OrganizationPage } from '../features/partner/OrganizationPage';
import { PartnerReferralPage } from '../features/partner/PartnerReferralPage';
import { ReferPage } from '../features/refer/ReferPage';
import { ChooseClientPage } from '../features/refer/ChooseClientPage';
import { TeamPage } from '../features/team/TeamPage';
import { TransferPage } from '../features/transfer/TransferPage';
import { WeekPage } from '../features/week/WeekPage';
import { homeFor, matchPath } from '../lib/routes';
import { Page } from '../ui/page';
import type { AppConfig } from './config';
import { Layout } from './Layout';
import { Link, Redirect, RouterProvider, useRouter } from './router';
import { ApiProvider, MeGate, useMe } from './session';

type Role = 'CASE_MANAGER' | 'SUPERVISOR' | 'PARTNER' | 'ANALYST' | 'ADMIN';
const CASE_SIDE: Role[] = ['CASE_MANAGER', 'SUPERVISOR'];

interface Route {
  path: string;
  roles?: Role[];
  render(params: Record<string, string>): ReactNode;
}

const ROUTES: Route[] = [
  { path: '/caseload', roles: CASE_SIDE, render: () => <CaseloadPage /> },
  { path: '/clients/:id', roles: CASE_SIDE, render: (p) => <ClientFilePage clientId={p.id} /> },
  { path: '/clients/:id/refer', roles: CASE_SIDE, render: (p) => <ReferPage clientId={p.id} /> },
  { path: '/refer', roles: CASE_SIDE, render: () => <ChooseClientPage /> },
  { path: '/clients/:id/audit', roles: ['SUPERVISOR'], render: (p) => <AuditTrailPage clientId={p.id} /> },
  { path: '/team', roles: ['SUPERVISOR'], render: () => <TeamPage /> },
  { path: '/transfers', roles: ['SUPERVISOR'], render: () => <TransferPage /> },
  { path: '/closures', roles: ['SUPERVISOR', 'ADMIN'], render: () => <ClosuresPage /> },
  { path: '/intake', roles: CASE_SIDE, render: () => <IntakePage clientId={null} /> },
  { path: '/intake/:id', roles: CASE_SIDE, render: (p) => <IntakePage clientId={p.id} /> },
  { path: '/inbox', roles: ['PARTNER'], render: () => <InboxPage /> },
  { path: '/inbox/:id', roles: ['PARTNER'], render: (p) => <PartnerReferralPage referralId={p.id} /> },
  { path: '/organization', roles: ['PARTNER'], render: () => <OrganizationPage /> },
  { path: '/directory', render: () => <DirectoryPage /> },
  { path: '/outcomes', roles: ['ANALYST', 'SUPERVISOR'], render: () => <OutcomesPage /> },
  { path: '/week', roles: CASE_SIDE, render: () => <WeekPage /> },
  { path: '/notifications', render: () => <NotificationsPage /> },
  { path: '/settings', render: () => <SettingsPage /> },
];

function SignedInRoutes() {
  const { path } = useRouter();
  const me = useMe();
  if (path === '/' || path.startsWith('/signin')) return <Redirect to={homeFor(me.role)} />;
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (route.roles && !route.roles.includes(me.role as Role)) {
      return (
        <Page title="Not available to your role">
          <p>This page is for {route.roles.map((r) => r.toLowerCase().replace('_', ' ')).join(' and ')} staff.</p>
          <Link to={homeFor(me.role)}>Go to your start page</Link>
        </Page>
      );
    }
    return <>{route.render(params)}</>;
  }
  return (
    <Page title="Page not found">
      <p>There is no page at this address.</p>
      <Link to={homeFor(me.role)}>Go to your start page</Link>
    </Page>
  );
}

function Gate() {
  const { session } = useAuth();
  const { path } = useRouter();
  if (path === '/signin/callback') return <CallbackPage />;
  if (!session) return <SignInPage />;
  return (
    <ApiProvider>
      <MeGate>
        <Layout>
          <SignedInRoutes />
        </Layout>
      </MeGate>
    </ApiProvider>
  );
}

export function App({ config, env }: { config: AppConfig; env: AuthEnvironment }) {
  return (
    <RouterProvider>
      <AuthProvider config={config} env={env}>
        <Gate />
      </AuthProvider>
    </RouterProvider>
  );
}
