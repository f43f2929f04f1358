/**
 * The audit trail: who did what to which client's record, when, and whether
 * it was allowed. Every subgraph that holds client data keeps an append-only
 * `audit_event` table in its own schema (the database refuses UPDATE, DELETE
 * and TRUNCATE on it). Reads and denials of one request are buffered and
 * committed before the response leaves, in one INSERT shared with the other
 * requests finishing meanwhile (group commit, audit-writer.ts; if that fails,
 * the response carries no data: audit fails closed); writes are recorded inside
 * the transaction of the change they describe, so neither exists without the
 * other. Events carry identifiers only, never note bodies or names.
 */
import type { EntityManager } from 'typeorm';
import { type Actor, clientLabel } from '@caseflow/auth';
import { AppError } from '@caseflow/core';
import { type AuditEventRow, insertAuditEvents, type Queryable, selectClientAuditEvents } from './audit.sql';
import type { AuditWriter } from './audit-writer';

export type AuditAction = 'READ' | 'SEARCH' | 'CREATE' | 'UPDATE' | 'TRANSITION' | 'OVERRIDE';
export type AuditOutcome = 'ALLOWED' | 'DENIED';

export interface AuditEvent {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  clientId?: string | null;
  outcome?: AuditOutcome;
  /** A short, non-personal detail, e.g. the field names changed or the reason code of a denial. */
  detail?: string | null;
}

/** The audit events of one request, for one subgraph. */
export class AuditTrail {
  private pending: AuditEvent[] = [];
  private seen = new Set<string>();

  constructor(
    private readonly schema: string,
    private readonly actor: Actor,
    private readonly requestId: string,
  ) {}

  /**
   * Buffers a read, search or denial; written by `flush` before the response
   * is sent. The same event twice in one request (a record reached by two
   * paths) is recorded once.
   */
  note(event: AuditEvent): void {
    const key = [event.action, event.entityType, event.entityId, event.clientId, event.outcome ?? 'ALLOWED', event.detail].join('|');
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.pending.push(event);
  }

  /** Buffers a READ of each row: the records of one client's case, or each client of a page (`clientId` omitted: the row is the client). */
  noteReads(entityType: string, rows: readonly { id: string }[], clientId?: string): void {
    for (const row of rows) this.note({ action: 'READ', entityType, entityId: row.id, clientId: clientId ?? row.id });
  }

  /**
   * Records a change inside the caller's transaction. If the event cannot be
   * written the change is not made either: UNAVAILABLE, and the transaction
   * rolls back.
   */
  async write(manager: Queryable | EntityManager, event: AuditEvent): Promise<void> {
    try {
      await insertAuditEvents(manager as Queryable, this.schema, [this.row(event)]);
    } catch (error) {
      const failure = new AppError('UNAVAILABLE', 'The change could not be recorded in the audit trail, so it was not made; retry later');
      failure.cause = error;
      throw failure;
    }
  }

  /**
   * Hands every buffered event to the process's group-commit writer and
   * waits until they are committed (they share a statement with the events
   * of other requests finishing meanwhile). Rejects when they could not be
   * written: the caller withholds the answer (audit fails closed).
   */
  async flush(writer: AuditWriter): Promise<void> {
    if (this.pending.length === 0) return;
    if (writer.schema !== this.schema) throw new Error(`audit events of "${this.schema}" handed to the writer of "${writer.schema}"`);
    const events = this.pending;
    this.pending = [];
    await writer.append(events.map((event) => this.row(event)));
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** The event's detail; a directory client's (whose actor id is nil) names the client first: `client <id>: <detail>`. */
  private detailOf(event: AuditEvent): string | null {
    const client = clientLabel(this.actor);
    if (!client) return event.detail ?? null;
    return event.detail ? `${client}: ${event.detail}` : client;
  }

  private row(event: AuditEvent): AuditEventRow {
    return {
      actor_id: this.actor.staffId,
      actor_role: this.actor.role,
      actor_organization_id: this.actor.organizationId,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId ?? null,
      client_id: event.clientId ?? null,
      outcome: event.outcome ?? 'ALLOWED',
      detail: this.detailOf(event),
      request_id: this.requestId,
    };
  }
}

/**
 * DDL for a subgraph's audit table, for its first migration: the table, its
 * indexes (by client and time for a supervisor's trail), and the trigger that
 * makes it append-only.
 */
export function auditTableSql(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}".audit_event (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid NOT NULL,
      actor_role text NOT NULL,
      actor_organization_id uuid NOT NULL,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text,
      client_id uuid,
      outcome text NOT NULL CHECK (outcome IN ('ALLOWED', 'DENIED')),
      detail text,
      request_id text NOT NULL
    )`,
    `CREATE INDEX audit_event_client_at_idx ON "${schema}".audit_event (client_id, at) WHERE client_id IS NOT NULL`,
    `CREATE INDEX audit_event_actor_at_idx ON "${schema}".audit_event (actor_id, at)`,
    `CREATE FUNCTION "${schema}".audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION 'audit events are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
     END $$`,
    `CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON "${schema}".audit_event
       FOR EACH ROW EXECUTE FUNCTION "${schema}".audit_event_append_only()`,
    `CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "${schema}".audit_event
       FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".audit_event_append_only()`,
  ];
}

/** One recorded event, as the audit trail shows it. */
export interface AuditRecord {
  id: string;
  /** ISO-8601 with microseconds, so that positions compare exactly. */
  at: string;
  source: string;
  actorId: string;
  actorRole: string;
  actorOrganizationId: string;
  action: string;
  entityType: string;
  entityId: string | null;
  clientId: string | null;
  outcome: AuditOutcome;
  detail: string | null;
  requestId: string;
}

export interface AuditTrailQuery {
  clientId: string;
  /** Only events strictly older than this position (time, then id), for paging. */
  before?: { at: string; id: string } | null;
  limit: number;
}

/** A client's events in one subgraph's audit table, newest first (index audit_event_client_at_idx). */
export async function readAuditTrail(db: Queryable, schema: string, source: string, query: AuditTrailQuery): Promise<AuditRecord[]> {
  const rows = await selectClientAuditEvents(db, schema, { clientId: query.clientId, before: query.before ?? null, limit: query.limit });
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    source,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    actorOrganizationId: r.actor_organization_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id ?? null,
    clientId: r.client_id ?? null,
    outcome: r.outcome,
    detail: r.detail ?? null,
    requestId: r.request_id,
  }));
}
