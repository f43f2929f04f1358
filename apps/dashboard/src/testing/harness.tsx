/**
 * Rendering the whole app in jsdom against a fake gateway: GraphQL
 * operations are answered by name from the test's handlers (and recorded),
 * the demo sign-in by a list of staff. The app runs exactly as in the browser
 * — router, session, urql with its exchanges — only the network is fake.
 */
import { webcrypto } from 'node:crypto';
import { act, render } from '@testing-library/react';
import { App } from '../app/App';
import type { AppConfig } from '../app/config';
import type { AuthEnvironment } from '../auth/AuthProvider';
import type { CryptoLike } from '../auth/oidc';
import { SESSION_KEY, type Session } from '../auth/session';
import type { ListableStore } from '../lib/drafts';

export interface GraphQLCall {
  operationName: string;
  variables: Record<string, unknown>;
  authorization: string | undefined;
}

export interface Reply {
  data?: unknown;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  status?: number;
}

export type Handler = (variables: Record<string, unknown>, call: GraphQLCall) => Reply | Promise<Reply>;

export const STAFF = {
  casey: {
    id: '11111111-1111-4111-8111-111111111111',
    displayName: 'Casey Morgan',
    email: 'casey@demo.caseflow',
    role: 'CASE_MANAGER',
    organization: {
      id: 'org-harbour',
      name: 'Harbour Employment Services',
      timeZone: 'America/Halifax',
      locations: [{ id: 'loc-h', latitude: 44.6, longitude: -63.5 }],
    },
  },
  sam: {
    id: '33333333-3333-4333-8333-333333333333',
    displayName: 'Sam Okafor',
    email: 'sam@demo.caseflow',
    role: 'SUPERVISOR',
    organization: { id: 'org-harbour', name: 'Harbour Employment Services', timeZone: 'America/Halifax', locations: [] },
  },
  pat: {
    id: '44444444-4444-4444-8444-444444444444',
    displayName: 'Pat Rivera',
    email: 'pat@demo.caseflow',
    role: 'PARTNER',
    organization: { id: 'org-northside', name: 'Northside Food Bank', timeZone: null, locations: [] },
  },
  alex: {
    id: '66666666-6666-4666-8666-666666666666',
    displayName: 'Alex Novak',
    email: 'alex@demo.caseflow',
    role: 'ANALYST',
    organization: { id: 'org-harbour', name: 'Harbour Employment Services', timeZone: 'America/Halifax', locations: [] },
  },
} as const;

export type StaffKey = keyof typeof STAFF;

export function memoryStorage(): ListableStore & { dump(): Record<string, string> } {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
    dump: () => Object.fromEntries(map),
  };
}

function response(status: number, body: unknown) {
  const text = JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: status === 200 ? 'OK' : 'Error',
    headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? 'application/json; charset=utf-8' : null) },
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
  };
}

export interface FakeGateway {
  fetch: typeof fetch;
  calls: GraphQLCall[];
  handlers: Record<string, Handler>;
  /** What the token of each demo sign-in belongs to. */
  tokens: Map<string, StaffKey>;
  called(operationName: string): GraphQLCall[];
}

/**
 * A gateway answering `Me` for the token's staff member and every other
 * operation from `handlers`; an operation without a handler fails the test.
 */
export function fakeGateway(handlers: Record<string, Handler> = {}): FakeGateway {
  const calls: GraphQLCall[] = [];
  const tokens = new Map<string, StaffKey>([
    ['token-casey', 'casey'],
    ['token-sam', 'sam'],
    ['token-pat', 'pat'],
    ['token-alex', 'alex'],
  ]);
  const gateway: FakeGateway = {
    calls,
    handlers,
    tokens,
    called: (name) => calls.filter((c) => c.operationName === name),
    fetch: (async (input: string, init?: { method?: string; body?: string; headers?: Record<string, string> }) => {
      const url = String(input);
      if (url.endsWith('/auth/demo-users')) {
        return response(200, {
          users: Object.values(STAFF).map((s) => ({
            email: s.email,
            displayName: s.displayName,
            role: s.role,
            organizationId: s.organization.id,
            organizationName: s.organization.name,
          })),
        });
      }
      if (url.endsWith('/auth/demo-login')) {
        const email = (JSON.parse(init?.body ?? '{}') as { email: string }).email;
        const key = (Object.keys(STAFF) as StaffKey[]).find((k) => STAFF[k].email === email);
        if (!key)
          return response(400, {
            errors: [{ message: 'email is not a demo user', extensions: { code: 'BAD_USER_INPUT', field: 'email' } }],
          });
        return response(200, { token: `token-${key}`, expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: {} });
      }
      if (url.endsWith('/graphql')) {
        const body = JSON.parse(init?.body ?? '{}') as { operationName: string; variables?: Record<string, unknown> };
        const authorization = init?.headers?.authorization;
        const call = { operationName: body.operationName, variables: body.variables ?? {}, authorization };
        calls.push(call);
        const who = tokens.get((authorization ?? '').replace(/^Bearer /, ''));
        if (!who)
          return response(401, {
            errors: [{ message: 'The bearer token is invalid or expired', extensions: { code: 'UNAUTHENTICATED' } }],
          });
        if (body.operationName === 'Me' && !handlers.Me) return response(200, { data: { me: STAFF[who] } });
        if (body.operationName === 'AgencyTimeZone' && !handlers.AgencyTimeZone) {
          const { id, timeZone } = STAFF[who].organization;
          return response(200, { data: { me: { id: STAFF[who].id, organization: { id, timeZone } } } });
        }
        // Every signed-in page asks for the unread count; nothing unread unless the test says otherwise.
        if (body.operationName === 'UnreadCount' && !handlers.UnreadCount)
          return response(200, { data: { notifications: { unreadCount: 0 } } });
        const handler = handlers[body.operationName];
        if (!handler) throw new Error(`No handler for ${body.operationName}`);
        const reply = await handler(call.variables, call);
        return response(reply.status ?? 200, { data: reply.data ?? null, ...(reply.errors ? { errors: reply.errors } : {}) });
      }
      throw new Error(`Unexpected request to ${url}`);
    }) as unknown as typeof fetch,
  };
  return gateway;
}

export interface Rendered extends ReturnType<typeof render> {
  storage: ReturnType<typeof memoryStorage>;
  env: AuthEnvironment;
  gateway: FakeGateway;
}

/** Renders the app at `path`, signed in as `as` (or signed out), against the fake gateway. */
export function renderApp(options: {
  path: string;
  as?: StaffKey | null;
  gateway?: FakeGateway;
  config?: AppConfig;
  storage?: ReturnType<typeof memoryStorage>;
}): Rendered {
  const storage = options.storage ?? memoryStorage();
  const gateway = options.gateway ?? fakeGateway();
  if (options.as) {
    const session: Session = { token: `token-${options.as}`, expiresAt: new Date(Date.now() + 3600_000).toISOString(), method: 'demo' };
    storage.setItem(SESSION_KEY, JSON.stringify(session));
  }
  window.history.replaceState(null, '', options.path);
  const env: AuthEnvironment = {
    storage,
    fetch: gateway.fetch,
    crypto: webcrypto as unknown as CryptoLike,
    assign: jest.fn(),
    origin: 'http://localhost',
  };
  const rendered = render(<App config={options.config ?? { auth: { mode: 'demo' } }} env={env} />);
  return { ...rendered, storage, env, gateway };
}

/** Lets pending promises and React updates settle. */
export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}
