/**
 * A stand-in for the ONE thing the plans subgraph asks of the clients
 * subgraph — the client-access endpoint — which answers by the same role
 * table as the real one (assigned case manager and the agency's supervisors:
 * everything and write; partners: the kinds a consent covers, read-only;
 * analysts and admins: nothing), from the demo world.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type Actor,
  CLIENT_ACCESS_PATH,
  type ClientAccessResponse,
  type ClientGrant,
  type InformationKind,
  INTERNAL_TOKEN_HEADER,
  noGrant,
  verifyInternalToken,
} from '@caseflow/auth';
import type { DemoClient } from '@caseflow/demo';
import { demoClientGrant } from '@caseflow/testing';

export class FakeClientAccess {
  readonly calls: Array<{ clientIds: string[]; actor: Actor }> = [];
  /** Clients whose grant is "exists, nothing allowed", whoever asks. */
  readonly denied = new Set<string>();
  /** The kinds a partner organization's active consent covers, per client: `${organizationId}:${clientId}`. */
  readonly consents = new Map<string, InformationKind[]>();

  constructor(private readonly clients: readonly DemoClient[]) {}

  reset(): void {
    this.calls.length = 0;
    this.denied.clear();
    this.consents.clear();
  }

  grant(actor: Actor, id: string): ClientGrant {
    const client = this.clients.find((c) => c.id === id);
    if (client && this.denied.has(id)) return noGrant(id, true);
    return demoClientGrant(actor, id, client, this.consents.get(`${actor.organizationId}:${id}`));
  }
}

function readJson(request: IncomingMessage): Promise<{ clientIds: string[] }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    request.on('error', reject);
  });
}

/** Serves `access` on a free port as the clients subgraph's client-access endpoint; `secret` is the internal-token secret, known once the subgraph starts. */
export async function startFakeClientAccess(
  access: FakeClientAccess,
  secret: () => string,
): Promise<{ url: string; stop(): Promise<void> }> {
  const fake: Server = createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== CLIENT_ACCESS_PATH) {
      response.writeHead(404).end();
      return;
    }
    void readJson(request).then(async (body) => {
      const token = request.headers[INTERNAL_TOKEN_HEADER];
      const { actor } = await verifyInternalToken(Array.isArray(token) ? token[0] : token, secret());
      access.calls.push({ clientIds: body.clientIds, actor });
      const answer: ClientAccessResponse = { grants: body.clientIds.map((id) => access.grant(actor, id)) };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(fake.address() as AddressInfo).port}`,
    stop: async () => {
      fake.closeAllConnections();
      await new Promise((resolve) => fake.close(resolve));
    },
  };
}
