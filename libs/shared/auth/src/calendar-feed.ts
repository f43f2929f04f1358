/**
 * The calendar feed's channel. Calendar apps fetch `GET /calendar/<secret>.ics`
 * from the gateway without a bearer token: the secret in the address is the
 * credential, and only the clients subgraph can tell whose it is. The
 * gateway passes the request to the clients subgraph's internal route under
 * an internal token of its own, naming nobody (`FEED_READER`: a nil staff id
 * in a role that sees no client record), so that nothing else it could do
 * with that token is allowed.
 */
import type { Actor } from './actor';

/** The public path prefix on the gateway. */
export const CALENDAR_FEED_PUBLIC_PATH = '/calendar';
/** The clients subgraph's internal GET route prefix. */
export const CALENDAR_FEED_PATH = '/internal/calendar';
/** A feed secret: 32 bytes, base64url. */
export const CALENDAR_FEED_SECRET = /^[A-Za-z0-9_-]{43}$/;

const NIL = '00000000-0000-0000-0000-000000000000';
/** The identity the gateway passes a feed request on with: nobody, with no access to any client. */
export const FEED_READER: Actor = { staffId: NIL, role: 'ANALYST', organizationId: NIL };
