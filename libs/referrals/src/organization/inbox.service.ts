/**
 * A receiving organization's inbox: the referrals sent to it, newest sent
 * first, as a keyset-paginated connection. Only the organization's own
 * partner staff read it (drafts never appear: a draft has not passed the
 * consent gate of sending). Pages of several organizations asked in one
 * request are one SQL statement (a LATERAL page and count per organization).
 * How much of each referral shows follows the client's consent (see
 * referral.visibility.ts), asked of the clients subgraph once per request.
 */
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { type Actor, type ClientGrant, isUuid } from '@caseflow/auth';
import type { AuditTrail } from '@caseflow/audit';
import { badInput, forbidden } from '@caseflow/core';
import { decodeCursor, encodeCursor, pageSize } from '@caseflow/db';
import { ReferralEntity } from '../referral/referral.entity';
import type { ReferralStatus } from '../referral/referral.enums';
import { toReferral } from '../referral/referral.service';
import type { ReferralConnection } from '../referral/referral.type';
import { partnerView } from '../referral/referral.visibility';
import { entitiesFromRows } from '../shared/rows';

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

interface InboxPage {
  rows: ReferralEntity[];
  total: number;
}

function parseArgs(args: InboxArgs): InboxQuery {
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

export class InboxService {
  /** One loader per distinct (status, first, after) in the request: organizations asked alike share one statement. */
  private readonly loaders = new Map<string, DataLoader<string, InboxPage>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly access: DataLoader<string, ClientGrant>,
  ) {}

  /** `Query.incomingReferrals`: the caller's own organization's inbox; FORBIDDEN (audited) for any role but PARTNER. */
  async mine(actor: Actor, args: InboxArgs): Promise<ReferralConnection> {
    const query = parseArgs(args);
    if (actor.role !== 'PARTNER') {
      this.audit.note({ action: 'SEARCH', entityType: 'Referral', outcome: 'DENIED', detail: `incoming referrals; role ${actor.role}` });
      throw forbidden('Only partner agencies have an inbox of incoming referrals');
    }
    return this.page(actor.organizationId, query);
  }

  /**
   * `Organization.incomingReferrals`: the organization's inbox for its own
   * partner staff; null for anyone else, with the denial audited and nothing
   * read (not even a count).
   */
  async forOrganization(actor: Actor, organizationId: string, args: InboxArgs): Promise<ReferralConnection | null> {
    const query = parseArgs(args);
    if (actor.role !== 'PARTNER' || actor.organizationId !== organizationId) {
      this.audit.note({
        action: 'SEARCH',
        entityType: 'Referral',
        outcome: 'DENIED',
        detail: `incoming referrals of another organization; role ${actor.role}`,
      });
      return null;
    }
    return this.page(organizationId, query);
  }

  private async page(organizationId: string, query: InboxQuery): Promise<ReferralConnection> {
    const { rows, total } = await this.loaderFor(query).load(organizationId);
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

  private loaderFor(query: InboxQuery): DataLoader<string, InboxPage> {
    const key = JSON.stringify([query.statuses, query.size, query.after?.sentAt.toISOString() ?? null, query.after?.id ?? null]);
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader<string, InboxPage>((ids) => this.fetch([...ids], query), { maxBatchSize: 100 });
      this.loaders.set(key, loader);
    }
    return loader;
  }

  private async fetch(organizationIds: string[], query: InboxQuery): Promise<InboxPage[]> {
    const params: unknown[] = [organizationIds, query.size + 1];
    const statusFilter = query.statuses ? `AND r.status = ANY($${params.push(query.statuses)})` : '';
    const afterFilter = query.after
      ? `AND (r.sent_at, r.id) < ($${params.push(query.after.sentAt)}::timestamptz, $${params.push(query.after.id)}::uuid)`
      : '';
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT o.organization_id AS page_organization_id, t.total, p.*
         FROM unnest($1::uuid[]) AS o(organization_id)
        CROSS JOIN LATERAL (
              SELECT count(*)::int AS total FROM referrals.referral r
               WHERE r.organization_id = o.organization_id AND r.sent_at IS NOT NULL ${statusFilter}) t
         LEFT JOIN LATERAL (
              SELECT r.* FROM referrals.referral r
               WHERE r.organization_id = o.organization_id AND r.sent_at IS NOT NULL ${statusFilter} ${afterFilter}
               ORDER BY r.sent_at DESC, r.id DESC
               LIMIT $2) p ON true`,
      params,
    );
    const pages = new Map<string, InboxPage>(organizationIds.map((id) => [id, { rows: [], total: 0 }]));
    for (const row of rows) {
      const page = pages.get(row.page_organization_id as string) as InboxPage;
      page.total = row.total as number;
      if (row.id !== null) page.rows.push(entitiesFromRows(this.dataSource, ReferralEntity, [row])[0]);
    }
    return organizationIds.map((id) => pages.get(id) as InboxPage);
  }
}
