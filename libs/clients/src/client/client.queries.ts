import { type Actor, type ClientGrant, isUuid } from '@caseflow/auth';
import { badInput, forbidden } from '@caseflow/core';
import { decodeCursor, encodeCursor, pageSize } from '@caseflow/db';
import { decideGrant, hasCaseAccess, mayHoldCaseload } from '../access/access.policy';
import { foldName, likeLiteral } from '../shared/names';
import { teamFor } from '../team/team.access';
import { teamClientsOf } from '../team/team.sql';
import { ClientEntity, type ClientStatus } from './client.entity';
import type { ClientFilter } from './client.inputs';
import { toCaseClosure, toClient, toEligibility } from './client.mapper';
import { CASE_ACCESS, caseRecordField } from './client.policy';
import { grantsFromFacts } from '../access/access.route';
import type { GrantFacts } from '../access/access.sql';
import { caseloadPage, type ClientRow } from './client.sql';
import type { CaseClosure, Client, ClientConnection, Eligibility } from './client.type';
import type { ClientsDeps } from '../deps';

const MAX_NAME_FILTER = 200;

/** Client record reads, scoped to the caller and audited. */
export class ClientQueries {
  constructor(private readonly deps: ClientsDeps) {}

  /** One client, or null when no such client exists; FORBIDDEN (and a denial event) when the caller may not see it. */
  async get(actor: Actor, id: string): Promise<Client | null> {
    if (!isUuid(id)) throw badInput('id', 'must be a UUID');
    const client = await this.visible(actor, id);
    if (client === 'denied') throw forbidden("You may not see this client's record");
    return client;
  }

  /** For `__resolveReference`: the client if the caller may see it, otherwise null (the denial is audited). */
  async reference(actor: Actor, id: string): Promise<Client | null> {
    if (!isUuid(id)) return null;
    const client = await this.visible(actor, id);
    return client === 'denied' ? null : client;
  }

  async list(
    actor: Actor,
    first: number | null | undefined,
    after: string | null | undefined,
    filter: ClientFilter | null | undefined,
  ): Promise<ClientConnection> {
    const size = pageSize(first, 25);
    const cursor = decodeCursor(after, ['text', 'uuid']);
    if (filter?.assignedCaseManagerId != null && !isUuid(filter.assignedCaseManagerId)) {
      throw badInput('filter.assignedCaseManagerId', 'must be a UUID');
    }
    if (filter?.nameContains != null && filter.nameContains.length > MAX_NAME_FILTER) {
      throw badInput('filter.nameContains', `must be at most ${MAX_NAME_FILTER} characters`);
    }
    if (!mayHoldCaseload(actor)) {
      this.deps.audit.note({ action: 'SEARCH', entityType: 'Client', outcome: 'DENIED', detail: `role ${actor.role}` });
      throw forbidden('Only case managers and supervisors may list clients');
    }

    const query = this.deps.dataSource.getRepository(ClientEntity).createQueryBuilder('c');
    if (actor.role === 'CASE_MANAGER') {
      // Their own clients, and those whose case team they are on now (found by the team's index on staff).
      const teamed = await teamClientsOf(this.deps.dataSource, actor.staffId, actor.organizationId, new Date());
      if (teamed.length === 0) query.where('c.assigned_case_manager_id = :me', { me: actor.staffId });
      else query.where('(c.assigned_case_manager_id = :me OR c.id = ANY(:teamed))', { me: actor.staffId, teamed });
    } else query.where('c.organization_id = :org', { org: actor.organizationId });
    if (filter?.status?.length) query.andWhere('c.status = ANY(:statuses)', { statuses: filter.status });
    if (filter?.assignedCaseManagerId) query.andWhere('c.assigned_case_manager_id = :cm', { cm: filter.assignedCaseManagerId });
    const folded = filter?.nameContains ? foldName(filter.nameContains) : '';
    if (folded) query.andWhere(`c.search_name LIKE :name`, { name: `%${likeLiteral(folded)}%` });

    const totalCount = await query.clone().getCount();
    if (cursor) query.andWhere('(c.sort_key, c.id) > (:afterKey, :afterId)', { afterKey: String(cursor[0]), afterId: String(cursor[1]) });
    const rows = await query
      .orderBy('c.sort_key', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(size + 1)
      .getMany();
    return this.page(rows, size, totalCount, describeFilter(filter), (row) => [row.sortKey, row.id]);
  }

  /**
   * A caseload, most urgent first: the caller's own clients, or (for a
   * supervisor) those of a case manager of the agency. Ordered by the stored
   * priority score, so the page is an index scan (client_caseload_idx).
   * The page is a prepared read (client.sql.ts), on the dashboard's every
   * request; it carries the count when `withCount` (totalCount is asked).
   */
  async caseload(
    actor: Actor,
    first: number | null | undefined,
    after: string | null | undefined,
    status: ClientStatus[] | null | undefined,
    caseManagerId: string | null | undefined,
    withCount = true,
  ): Promise<ClientConnection> {
    const size = pageSize(first, 25);
    const cursor = decodeCursor(after, ['number', 'uuid']);
    if (caseManagerId != null && !isUuid(caseManagerId)) throw badInput('caseManagerId', 'must be a UUID');
    if (!mayHoldCaseload(actor)) {
      this.deps.audit.note({ action: 'SEARCH', entityType: 'Client', outcome: 'DENIED', detail: `caseload, role ${actor.role}` });
      throw forbidden('Only case managers and supervisors have a caseload');
    }
    let owner = actor.staffId;
    if (caseManagerId && caseManagerId !== actor.staffId) {
      const staff = actor.role === 'SUPERVISOR' ? await this.deps.loaders.staff.load(caseManagerId) : null;
      if (!staff || staff.organizationId !== actor.organizationId) {
        this.deps.audit.note({ action: 'SEARCH', entityType: 'Client', outcome: 'DENIED', detail: 'caseload of another case manager' });
        throw forbidden("Only a supervisor may open another case manager's caseload, within the agency");
      }
      owner = caseManagerId;
    }
    const scope = {
      owner,
      organizationId: actor.role === 'SUPERVISOR' ? actor.organizationId : null,
      statuses: status?.length ? status : null,
    };
    const from: [number, string] | null = cursor ? [Number(cursor[0]), String(cursor[1])] : null;
    const now = new Date();
    const { rows, totalCount } = await caseloadPage(this.deps.dataSource, scope, from, size + 1, withCount);
    // The page's clients' grants, decided by the one rule from their own columns: `Client.accessGrant` reads no more.
    const ids = rows.map((row) => row.id);
    for (const grant of grantsFromFacts(actor, ids, rows.map(caseloadGrantFacts), now)) this.deps.grants.prime(grant.clientId, grant);
    // Not asked for, so never shown (the resolver reads the selection).
    return this.page(rows, size, totalCount ?? 0, 'caseload', (row) => [row.priorityScore, row.id]);
  }

  /**
   * A page of the caller's clients from `size + 1` rows in list order: the
   * search and each client shown are audit events; the cursor is the row's
   * sort values.
   */
  private page(
    rows: ClientEntity[],
    size: number,
    totalCount: number,
    search: string | null,
    sortValues: (row: ClientEntity) => Array<string | number>,
  ): ClientConnection {
    const page = rows.slice(0, size);
    this.deps.audit.note({ action: 'SEARCH', entityType: 'Client', detail: search });
    this.deps.audit.noteReads('Client', page);
    const edges = page.map((row) => ({ cursor: encodeCursor(sortValues(row)), node: toClient(row, CASE_ACCESS) }));
    return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
  }

  /**
   * Likely duplicates of a client: same agency and birth date, and the same
   * folded first and last names (or swapped). The caller already knows these
   * people's names and birth date; only names are shown, nothing of their case.
   */
  async possibleDuplicates(actor: Actor, client: Client): Promise<Client[]> {
    const rows = await this.deps.loaders.duplicates.load(client.id);
    for (const row of rows)
      this.deps.audit.note({ action: 'READ', entityType: 'Client', entityId: row.id, clientId: row.id, detail: 'duplicate check' });
    const teams = await Promise.all(rows.map((row) => teamFor(actor, row, this.deps.loaders)));
    return rows.map((row, i) => {
      const facts = { ...row, caseTeam: teams[i] };
      return toClient(row, hasCaseAccess(actor, facts) ? CASE_ACCESS : { caseRecord: false, kinds: [] });
    });
  }

  /** The latest eligibility determination (a field of the case record). */
  async eligibility(client: Client): Promise<Eligibility | null> {
    caseRecordField(client, null);
    const row = await this.deps.loaders.eligibility.load(client.id);
    return row ? toEligibility(row) : null;
  }

  /** How a closed case was closed (a field of the case record); null for a case that is not closed. */
  async closure(client: Client): Promise<CaseClosure | null> {
    if (caseRecordField(client, client.status) !== 'CLOSED') return null;
    const event = await this.deps.loaders.closure.load(client.id);
    if (!event || !event.outcome) return null;
    const closedBy = await this.deps.loaders.staff.load(event.actorId);
    return toCaseClosure(event, closedBy!);
  }

  /** The caller's grant on a client this request has loaded (consents are read only for partners). */
  async grant(actor: Actor, entity: ClientEntity): Promise<ClientGrant> {
    const consents = actor.role === 'PARTNER' ? await this.deps.loaders.consentsByClient.load(entity.id) : [];
    const caseTeam = await teamFor(actor, entity, this.deps.loaders);
    return decideGrant(actor, entity.id, { ...entity, caseTeam }, consents, new Date());
  }

  private async visible(actor: Actor, id: string): Promise<Client | null | 'denied'> {
    const entity = await this.deps.loaders.client.load(id);
    if (!entity) return null;
    const grant = await this.grant(actor, entity);
    const caseRecord = grant.write;
    if (!caseRecord && !grant.read.includes('CONTACT_INFO')) {
      this.deps.audit.note({ action: 'READ', entityType: 'Client', entityId: id, clientId: id, outcome: 'DENIED' });
      return 'denied';
    }
    this.deps.audit.note({ action: 'READ', entityType: 'Client', entityId: id, clientId: id, detail: caseRecord ? null : 'consent scope' });
    return toClient(entity, { caseRecord, kinds: grant.read });
  }
}

function describeFilter(filter: ClientFilter | null | undefined): string | null {
  if (!filter) return null;
  const used = Object.entries(filter)
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k]) => k);
  return used.length ? `filter: ${used.join(', ')}` : null;
}

/**
 * What the access rule decides from about a caseload page's client. A page
 * holds only clients assigned to the caseload's owner: the caller's own, or,
 * for a supervisor, a case manager's within the supervisor's agency (the
 * scope's organization). For those callers the rule grants from the client's
 * own columns alone — its case team and its consents decide nothing (the
 * consents feed only the grant's `consents`, which mutations' consent gates
 * read and a grant token does not carry) — so the page reads neither.
 */
function caseloadGrantFacts(row: ClientRow): GrantFacts {
  return {
    client: {
      id: row.id,
      organizationId: row.organizationId,
      assignedCaseManagerId: row.assignedCaseManagerId,
      caseTeam: [],
      status: row.status,
    },
    consents: [],
  };
}
