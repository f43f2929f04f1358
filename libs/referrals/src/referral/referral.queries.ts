/**
 * Referral reads, scoped to the caller (deny by default) and audited: one
 * referral, a client's and a goal's referrals, a referral's history, and a
 * receiving organization's inbox — the referrals sent to it, newest sent
 * first, as a keyset-paginated connection. Only the organization's own
 * partner staff read an inbox (drafts never appear: a draft has not passed
 * the consent gate of sending). Pages of several organizations asked in one
 * request are one SQL statement (a LATERAL page and count per organization).
 * How much of each referral shows follows the client's consent (see
 * referral.policy.ts), asked of the clients subgraph once per request.
 */
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { type Actor, type ClientGrant, isUuid } from '@caseflow/auth';
import type { AuditTrail } from '@caseflow/audit';
import { badInput, forbidden } from '@caseflow/core';
import { decodeCursor, encodeCursor, pageSize } from '@caseflow/db';
import type { ReferralsLoaders } from '../loaders';
import type { ReferralEntity } from './referral.entity';
import { toReferral, toReferralEvent } from './referral.mapper';
import { caseSideSees, FULL_VIEW, partnerSees, partnerView, type ReferralView, visibilityRule } from './referral.policy';
import { type InboxPage, inboxPages } from './referral.sql';
import type { ReferralStatus } from './referral.transitions';
import type { Referral, ReferralConnection, ReferralEvent } from './referral.type';

export const INBOX_PAGE_SIZE = 20;

export interface InboxArgs {
  status?: ReferralStatus[] | null;
  first?: number | null;
  after?: string | null;
}

interface InboxQuery {
  statuses: ReferralStatus[] | null;
  size: number;
  after: { sentAt: Date; id: string } | null;
}

function parseInboxArgs(args: InboxArgs): InboxQuery {
  const size = pageSize(args.first, INBOX_PAGE_SIZE);
  const cursor = decodeCursor(args.after, ['timestamp', 'uuid']);
  let after: InboxQuery['after'] = null;
  if (cursor) {
    const [sentAt, id] = cursor;
    const at = typeof sentAt === 'string' ? new Date(sentAt) : null;
    if (!at || Number.isNaN(at.getTime()) || !isUuid(id)) throw badInput('after', 'is not a cursor this list issued');
    after = { sentAt: at, id };
  }
  return { statuses: args.status?.length ? [...new Set(args.status)] : null, size, after };
}

export class ReferralQueries {
  /** One inbox loader per distinct (status, first, after) in the request: organizations asked alike share one statement. */
  private readonly inboxLoaders = new Map<string, DataLoader<string, InboxPage>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly loaders: ReferralsLoaders,
    private readonly access: DataLoader<string, ClientGrant>,
    private readonly audit: AuditTrail,
  ) {}

  /** One referral, or null when none has this id; FORBIDDEN (and a denial event) when the caller may not see it. */
  async get(actor: Actor, id: string): Promise<Referral | null> {
    if (!isUuid(id)) throw badInput('id', 'must be a UUID');
    const entity = await this.loaders.referral.load(id);
    if (!entity) return null;
    const view = await this.viewOf(actor, entity);
    if (!view) {
      this.denied(actor, 'Referral', entity.id, entity.clientId);
      throw forbidden('You may not see this referral');
    }
    this.read('Referral', entity.id, entity.clientId, view);
    return toReferral(entity, view);
  }

  /** For `__resolveReference`: the referral if the caller may see it, otherwise null (the denial is audited). */
  async reference(actor: Actor, id: string): Promise<Referral | null> {
    if (!isUuid(id)) return null;
    const entity = await this.loaders.referral.load(id);
    if (!entity) return null;
    const view = await this.viewOf(actor, entity);
    if (!view) {
      this.denied(actor, 'Referral', entity.id, entity.clientId);
      return null;
    }
    this.read('Referral', entity.id, entity.clientId, view);
    return toReferral(entity, view);
  }

  /** For `__resolveReference` of a ReferralEvent: visible exactly when its referral's history is. */
  async eventReference(actor: Actor, id: string): Promise<ReferralEvent | null> {
    if (!isUuid(id)) return null;
    const event = await this.loaders.event.load(id);
    const referral = event ? await this.loaders.referral.load(event.referralId) : null;
    if (!event || !referral) return null;
    if (!(await this.viewOf(actor, referral))?.details) {
      this.denied(actor, 'ReferralEvent', event.id, referral.clientId);
      return null;
    }
    this.read('ReferralEvent', event.id, referral.clientId);
    return toReferralEvent(event);
  }

  /**
   * `Client.referrals`: the client's referrals the caller may see, newest
   * first, optionally of some statuses. Null (and a denial event) when the
   * caller has no right to the client's referrals at all.
   */
  async forClient(actor: Actor, clientId: string, statuses: readonly ReferralStatus[] | null | undefined): Promise<Referral[] | null> {
    if (!isUuid(clientId)) return null;
    const rule = visibilityRule(actor);
    if (rule === 'none') {
      this.denied(actor, 'Referral', null, clientId);
      return null;
    }
    // Rows and grant are asked together, so that a page of clients costs one statement and one round trip in all
    // (a partner's grant too: its consents decide how much of each referral it sees).
    // The statuses are filtered in the statement: the rows are the client's referrals of those statuses.
    const [rows, grant] = await Promise.all([this.loaders.referralsByClient(statuses).load(clientId), this.access.load(clientId)]);
    if (rule === 'case-access' && !caseSideSees(grant)) {
      this.denied(actor, 'Referral', null, clientId);
      return null;
    }
    const visible = rule === 'case-access' ? rows : rows.filter((r) => partnerSees(actor, r));
    return visible.map((r) => {
      const view = rule === 'case-access' ? FULL_VIEW : partnerView(grant, r);
      this.read('Referral', r.id, r.clientId, view);
      return toReferral(r, view);
    });
  }

  /**
   * `Goal.referrals`: the goal's referrals the caller may see, newest first
   * (each checked like `referral(id)`; hidden ones are left out and their
   * denial audited). Null for analysts and admins, who see no referral.
   */
  async forGoal(actor: Actor, goalId: string): Promise<Referral[] | null> {
    if (!isUuid(goalId)) return null;
    const rule = visibilityRule(actor);
    if (rule === 'none') {
      this.audit.note({ action: 'READ', entityType: 'Referral', outcome: 'DENIED', detail: `goal referrals; role ${actor.role}` });
      return null;
    }
    const rows = await this.loaders.referralsByGoal.load(goalId);
    const views = await Promise.all(rows.map((r) => this.viewOf(actor, r)));
    return rows.flatMap((r, i) => {
      const view = views[i];
      if (!view) {
        this.denied(actor, 'Referral', r.id, r.clientId);
        return [];
      }
      this.read('Referral', r.id, r.clientId, view);
      return [toReferral(r, view)];
    });
  }

  /** A referral's history, oldest first; the referral itself was checked when it was loaded (a view without details has none). */
  async history(referral: Referral): Promise<ReferralEvent[]> {
    if (referral.detailsWithheld) return [];
    const events = await this.loaders.eventsByReferral.load(referral.id);
    return events.map(toReferralEvent);
  }

  /** How much of the referral the caller may see, or null when nothing (see referral.policy.ts). */
  async viewOf(actor: Actor, referral: ReferralEntity): Promise<ReferralView | null> {
    switch (visibilityRule(actor)) {
      case 'receiving-organization':
        return partnerSees(actor, referral) ? partnerView(await this.access.load(referral.clientId), referral) : null;
      case 'case-access':
        return caseSideSees(await this.access.load(referral.clientId)) ? FULL_VIEW : null;
      case 'none':
        return null;
    }
  }

  /** `Query.incomingReferrals`: the caller's own organization's inbox; FORBIDDEN (audited) for any role but PARTNER. */
  async inbox(actor: Actor, args: InboxArgs): Promise<ReferralConnection> {
    const query = parseInboxArgs(args);
    if (actor.role !== 'PARTNER') {
      this.audit.note({ action: 'SEARCH', entityType: 'Referral', outcome: 'DENIED', detail: `incoming referrals; role ${actor.role}` });
      throw forbidden('Only partner agencies have an inbox of incoming referrals');
    }
    return this.inboxPage(actor.organizationId, query);
  }

  /**
   * `Organization.incomingReferrals`: the organization's inbox for its own
   * partner staff; null for anyone else, with the denial audited and nothing
   * read (not even a count).
   */
  async inboxOf(actor: Actor, organizationId: string, args: InboxArgs): Promise<ReferralConnection | null> {
    const query = parseInboxArgs(args);
    if (actor.role !== 'PARTNER' || actor.organizationId !== organizationId) {
      this.audit.note({
        action: 'SEARCH',
        entityType: 'Referral',
        outcome: 'DENIED',
        detail: `incoming referrals of another organization; role ${actor.role}`,
      });
      return null;
    }
    return this.inboxPage(organizationId, query);
  }

  private async inboxPage(organizationId: string, query: InboxQuery): Promise<ReferralConnection> {
    const { rows, total } = await this.inboxLoaderFor(query).load(organizationId);
    const page = rows.slice(0, query.size);
    // What the partner sees of each follows the client's consent now: one access round trip for the page.
    const grants = await Promise.all(page.map((r) => this.access.load(r.clientId)));
    const views = page.map((r, i) => partnerView(grants[i], r));
    this.audit.note({
      action: 'SEARCH',
      entityType: 'Referral',
      detail: query.statuses ? 'incoming referrals: status' : 'incoming referrals',
    });
    page.forEach((r, i) =>
      this.audit.note({
        action: 'READ',
        entityType: 'Referral',
        entityId: r.id,
        clientId: r.clientId,
        detail: views[i].details ? null : 'status and dates only',
      }),
    );
    const edges = page.map((r, i) => ({ cursor: encodeCursor([(r.sentAt as Date).toISOString(), r.id]), node: toReferral(r, views[i]) }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > query.size, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
      totalCount: total,
    };
  }

  private inboxLoaderFor(query: InboxQuery): DataLoader<string, InboxPage> {
    const key = JSON.stringify([query.statuses, query.size, query.after?.sentAt.toISOString() ?? null, query.after?.id ?? null]);
    let loader = this.inboxLoaders.get(key);
    if (!loader) {
      loader = new DataLoader<string, InboxPage>(
        (ids) =>
          inboxPages(this.dataSource.manager, {
            organizationIds: [...ids],
            statuses: query.statuses,
            limit: query.size + 1,
            after: query.after,
          }),
        { maxBatchSize: 100 },
      );
      this.inboxLoaders.set(key, loader);
    }
    return loader;
  }

  private read(entityType: string, entityId: string, clientId: string, view: ReferralView = FULL_VIEW): void {
    this.audit.note({ action: 'READ', entityType, entityId, clientId, detail: view.details ? null : 'status and dates only' });
  }

  private denied(actor: Actor, entityType: string, entityId: string | null, clientId: string): void {
    this.audit.note({ action: 'READ', entityType, entityId, clientId, outcome: 'DENIED', detail: `role ${actor.role}` });
  }
}
