/** The frame every signed-in page shares: skip link, header with the person and sign-out, navigation by role, main. */
import type { ReactNode } from 'react';
import { useAuth } from '../auth/AuthProvider';
import { UnreadCount } from '../features/notifications/UnreadCount';
import { label } from '../lib/labels';
import { Link, useRouter } from './router';
import { useMe } from './session';

interface NavItem {
  to: string;
  text: string;
}

export function navFor(role: string): NavItem[] {
  const directory = { to: '/directory', text: 'Directory' };
  switch (role) {
    case 'CASE_MANAGER':
      return [{ to: '/caseload', text: 'Caseload' }, { to: '/week', text: 'My week' }, { to: '/intake', text: 'New intake' }, directory];
    case 'SUPERVISOR':
      return [
        { to: '/caseload', text: 'Caseloads' },
        { to: '/team', text: 'Team' },
        { to: '/week', text: 'My week' },
        { to: '/intake', text: 'New intake' },
        { to: '/transfers', text: 'Transfers' },
        { to: '/closures', text: 'Closures' },
        directory,
        { to: '/outcomes', text: 'Outcomes' },
      ];
    case 'PARTNER':
      return [{ to: '/inbox', text: 'Referral inbox' }, { to: '/organization', text: 'Our directory entries' }, directory];
    case 'ANALYST':
      return [{ to: '/outcomes', text: 'Outcomes' }];
    case 'ADMIN':
      return [directory, { to: '/closures', text: 'Agency settings' }];
    default:
      return [directory];
  }
}

export function Layout({ children }: { children: ReactNode }) {
  const me = useMe();
  const { signOut } = useAuth();
  const { path } = useRouter();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          Caseflow
        </Link>
        <nav aria-label="Main">
          <ul>
            {navFor(me.role).map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={path === item.to || path.startsWith(`${item.to}/`) ? 'page' : undefined}>
                  {item.text}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="whoami">
          <UnreadCount />
          <Link to="/settings" aria-current={path === '/settings' ? 'page' : undefined}>
            Settings
          </Link>
          <span>
            <strong>{me.displayName}</strong>
            <span className="whoami-role">
              {label(me.role)}
              {me.organization ? ` · ${me.organization.name}` : ''}
            </span>
          </span>
          <button type="button" className="button secondary small" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
