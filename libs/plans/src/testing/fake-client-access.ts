/**
 * A stand-in for what the plans subgraph asks of the clients subgraph: the
 * client-access endpoint, which answers by the same role
 * table as the real one (assigned case manager and the agency's supervisors:
 * everything and write; partners: the kinds a consent covers, read-only;
 * analysts and admins: nothing), from the demo world; and the agencies'
 * time zones (`timeZones`, UTC for any other).
 */
import {
  type Actor,
  CLIENT_ACCESS_PATH,
  type ClientAccessResponse,
  type ClientGrant,
  type InformationKind,
  noGrant,
  ORGANIZATION_TIME_ZONES_PATH,
} from '@caseflow/auth';
import type { DemoClient } from '@caseflow/demo';
import { answerJson, demoClientGrant, FakePeerServer, internalCaller } from '@caseflow/testing';

export class FakeClientAccess {
  readonly calls: Array<{ clientIds: string[]; actor: Actor }> = [];
  /** Clients whose grant is "exists, nothing allowed", whoever asks. */
  readonly denied = new Set<string>();
  /** The kinds a partner organization's active consent covers, per client: `${organizationId}:${clientId}`. */
  readonly consents = new Map<string, InformationKind[]>();
  /** Agencies' time zones; the others are in UTC. */
  readonly timeZones = new Map<string, string>();

  constructor(private readonly clients: readonly DemoClient[]) {}

  reset(): void {
    this.calls.length = 0;
    this.denied.clear();
    this.consents.clear();
    this.timeZones.clear();
  }

  grant(actor: Actor, id: string): ClientGrant {
    const client = this.clients.find((c) => c.id === id);
    if (client && this.denied.has(id)) return noGrant(id, true);
    return demoClientGrant(actor, id, client, this.consents.get(`${actor.organizationId}:${id}`));
  }
}

/** Serves `access` on a free port as the clients subgraph's client-access endpoint; `secret` is the internal-token secret, known once the subgraph starts. */
export async function startFakeClientAccess(
  access: FakeClientAccess,
  secret: () => string,
): Promise<{ url: string; stop(): Promise<void> }> {
  const server = new FakePeerServer(async (request, response, _attempt, received) => {
    const zones = request.method === 'POST' && request.url === ORGANIZATION_TIME_ZONES_PATH;
    if (!zones && (request.method !== 'POST' || request.url !== CLIENT_ACCESS_PATH)) {
      response.writeHead(404).end();
      return;
    }
    const actor = await internalCaller(request, response, secret());
    if (!actor) return;
    if (zones) {
      const { organizationIds } = JSON.parse(received.body) as { organizationIds: string[] };
      const known = organizationIds.filter((id) => access.timeZones.has(id));
      answerJson(response, 200, { timeZones: Object.fromEntries(known.map((id) => [id, access.timeZones.get(id)])) });
      return;
    }
    const { clientIds } = JSON.parse(received.body) as { clientIds: string[] };
    access.calls.push({ clientIds, actor });
    const answer: ClientAccessResponse = { grants: clientIds.map((id) => access.grant(actor, id)) };
    answerJson(response, 200, answer);
  });
  return { url: await server.start(), stop: () => server.stop() };
}
