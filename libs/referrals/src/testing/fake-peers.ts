/**
 * Stand-ins for the three subgraphs the referrals subgraph asks (only their
 * HTTP endpoints; the database under test is real): the clients subgraph's
 * client-access route, the resources subgraph's `_entities` for Service and
 * the plans subgraph's for Goal. Each verifies the forwarded internal token,
 * counts round trips, answers from the demo world unless a test overrides an
 * answer, and can be taken down.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type Actor,
  CLIENT_ACCESS_PATH,
  type ClientAccessResponse,
  type ClientGrant,
  type InformationKind,
  ORGANIZATION_TIME_ZONES_PATH,
  SERVICE_NAMES_PAGE_SIZE,
  SERVICE_NAMES_PATH,
  type ServiceName,
  type ServiceNamesRequest,
} from '@caseflow/auth';
import { type DemoWorld, demoId } from '@caseflow/demo';
import { answerJson, demoClientGrant, FakePeerServer, internalCaller } from '@caseflow/testing';

abstract class FakePeer {
  calls = 0;
  /** Ids asked in each round trip, in order. */
  readonly batches: string[][] = [];
  private readonly server = new FakePeerServer(async (request, response, _attempt, received) => {
    const actor = await internalCaller(request, response, this.secret);
    if (!actor) return;
    if (this.counts(request)) this.calls += 1;
    this.answer(request, response, actor, JSON.parse(received.body || '{}'));
  });

  constructor(
    protected readonly secret: string,
    protected readonly world: DemoWorld,
  ) {}

  /** Whether the peer drops every connection, as one that went away. */
  get down(): boolean {
    return this.server.down;
  }

  set down(down: boolean) {
    this.server.down = down;
  }

  protected abstract answer(request: IncomingMessage, response: ServerResponse, actor: Actor, body: unknown): void;

  /** Whether a request counts in `calls` (every one unless a peer says otherwise). */
  protected counts(_request: IncomingMessage): boolean {
    return true;
  }

  protected json(response: ServerResponse, body: unknown): void {
    answerJson(response, 200, body);
  }

  start(): Promise<string> {
    return this.server.start();
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  reset(): void {
    this.calls = 0;
    this.batches.length = 0;
    this.server.reset();
  }
}

/**
 * The clients subgraph's client-access route: case access from the world's
 * assignments, consents as a test sets them; and its agencies' time zones
 * (`timeZones`, UTC for any other). A partner reads what active
 * consents to its organization cover: by default CONTACT_INFO and
 * REFERRAL_DETAILS of a client with a world referral to it or a consent a test
 * added; `partnerScopes` replaces that (e.g. [] once a consent is revoked).
 */
export class FakeClientAccess extends FakePeer {
  readonly overrides = new Map<string, Partial<ClientGrant>>();
  readonly partnerScopes = new Map<string, InformationKind[]>();
  readonly timeZones = new Map<string, string>();

  override reset(): void {
    super.reset();
    this.overrides.clear();
    this.partnerScopes.clear();
    this.timeZones.clear();
  }

  protected answer(request: IncomingMessage, response: ServerResponse, actor: Actor, body: unknown): void {
    if (request.method === 'POST' && request.url === ORGANIZATION_TIME_ZONES_PATH) {
      const { organizationIds } = body as { organizationIds: string[] };
      this.batches.push(organizationIds);
      const known = organizationIds.filter((id) => this.timeZones.has(id));
      this.json(response, { timeZones: Object.fromEntries(known.map((id) => [id, this.timeZones.get(id)])) });
      return;
    }
    if (request.method !== 'POST' || request.url !== CLIENT_ACCESS_PATH) {
      response.writeHead(404).end();
      return;
    }
    const { clientIds } = body as { clientIds: string[] };
    this.batches.push(clientIds);
    const answer: ClientAccessResponse = {
      grants: clientIds.map((id) =>
        actor.role === 'PARTNER' ? this.partnerGrant(actor, id) : { ...this.grant(actor, id), ...this.overrides.get(id) },
      ),
    };
    this.json(response, answer);
  }

  private partnerGrant(actor: Actor, clientId: string): ClientGrant {
    const referred = this.world.referrals.some((r) => r.clientId === clientId && r.organizationId === actor.organizationId);
    const added = (this.overrides.get(clientId)?.consents ?? []).filter((c) => c.recipientOrganizationId === actor.organizationId);
    const scope = this.partnerScopes.get(clientId) ?? [
      ...new Set([...(referred ? (['CONTACT_INFO', 'REFERRAL_DETAILS'] as const) : []), ...added.flatMap((c) => c.scope)]),
    ];
    return demoClientGrant(actor, clientId, this.clientOf(clientId), scope);
  }

  private grant(actor: Actor, clientId: string): ClientGrant {
    return demoClientGrant(actor, clientId, this.clientOf(clientId));
  }

  private clientOf(clientId: string) {
    return this.world.clients.find((c) => c.id === clientId);
  }
}

export interface FakeService {
  id: string;
  name: string;
  status: string;
  organization: { id: string; name: string };
  taxonomyTerms: Array<{ id: string }>;
  serviceAtLocations: Array<{ id: string }>;
}

/**
 * A subgraph's `_entities` for one type: each representation answered from
 * the world (null for an id it does not know), each round trip's ids kept.
 */
abstract class FakeEntities<T> extends FakePeer {
  /** When set, answers every question with a GraphQL error instead. */
  failWithError = false;

  protected abstract entity(id: string): T | null;

  override reset(): void {
    super.reset();
    this.failWithError = false;
  }

  protected answer(request: IncomingMessage, response: ServerResponse, _actor: Actor, body: unknown): void {
    const { query, variables } = body as { query: string; variables: { representations: Array<{ __typename: string; id: string }> } };
    if (request.method !== 'POST' || request.url !== '/graphql' || !query.includes('_entities')) {
      response.writeHead(404).end();
      return;
    }
    if (this.failWithError) {
      this.json(response, { errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }], data: null });
      return;
    }
    const ids = variables.representations.map((r) => r.id);
    this.batches.push(ids);
    this.json(response, { data: { _entities: ids.map((id) => this.entity(id)) } });
  }
}

/**
 * The resources subgraph's `_entities` for Service: the world's services, all
 * active unless a test says otherwise. With `servesNames`, also the
 * directory's names read whole (SERVICE_NAMES_PATH; counted in `namesReads`,
 * not in `calls`), less the services in `leftOutOfNames`; without it that
 * route is not found, and the referrals subgraph asks `_entities` for every
 * service's names.
 */
export class FakeDirectory extends FakeEntities<FakeService> {
  readonly overrides = new Map<string, Partial<FakeService>>();
  servesNames = false;
  namesReads = 0;
  readonly leftOutOfNames = new Set<string>();

  override reset(): void {
    super.reset();
    this.overrides.clear();
    this.servesNames = false;
    this.namesReads = 0;
    this.leftOutOfNames.clear();
  }

  protected override counts(request: IncomingMessage): boolean {
    return request.url !== SERVICE_NAMES_PATH;
  }

  protected override answer(request: IncomingMessage, response: ServerResponse, actor: Actor, body: unknown): void {
    if (request.url !== SERVICE_NAMES_PATH) return super.answer(request, response, actor, body);
    if (!this.servesNames) {
      response.writeHead(404).end();
      return;
    }
    this.namesReads += 1;
    const { after, limit } = body as ServiceNamesRequest;
    const services = this.world.services
      .map((s) => this.entity(s.id) as FakeService)
      .filter((s) => !this.leftOutOfNames.has(s.id) && (!after || s.id > after))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .slice(0, limit ?? SERVICE_NAMES_PAGE_SIZE)
      .map((s): ServiceName => ({ id: s.id, name: s.name, organizationId: s.organization.id, organizationName: s.organization.name }));
    this.json(response, { services });
  }

  protected entity(id: string): FakeService | null {
    const s = this.world.services.find((x) => x.id === id);
    if (!s) return null;
    return {
      id: s.id,
      name: s.name,
      status: 'active',
      organization: { id: s.organizationId, name: this.world.organizations.find((o) => o.id === s.organizationId)?.name ?? '' },
      taxonomyTerms: s.taxonomyCodes.map((code) => ({ id: demoId('taxonomy_term', code) })),
      serviceAtLocations: [{ id: s.serviceAtLocationId }],
      ...this.overrides.get(id),
    };
  }
}

export interface FakeGoal {
  id: string;
  plan: { client: { id: string } };
}

/** The plans subgraph's `_entities` for Goal: the world's plan goals, with the client whose plan holds each. */
export class FakePlans extends FakeEntities<FakeGoal> {
  protected entity(id: string): FakeGoal | null {
    const plan = this.world.plans.find((p) => p.goals.some((g) => g.id === id));
    return plan ? { id, plan: { client: { id: plan.clientId } } } : null;
  }
}
