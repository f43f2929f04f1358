/**
 * An agency's settings kept by the clients subgraph: its time zone, which
 * decides "today" for its due dates, follow-ups and reminders, and whether
 * its case managers' closures need a supervisor's approval. Any signed-in
 * person may read them (they are not personal data); only the agency's own
 * supervisors and administrators set them.
 */
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { type Actor, callPeer } from '@caseflow/auth';
import type { AuditTrail } from '@caseflow/audit';
import { badInput, forbidden, isIanaTimeZone, isUuid, notFound, unavailable, uuid } from '@caseflow/core';
import { recordEvents } from '@caseflow/events';
import type { PeerContext } from '../consent/consent.commands';
import type { OrganizationRef } from './organization.ref';
import { closureApprovalsOf, timeZonesOf, upsertClosureApproval, upsertTimeZone } from './organization-setting.sql';

const SETTERS = new Set(['SUPERVISOR', 'ADMIN']);

export class OrganizationSettings {
  /** Each agency's set time zone (null when none is set), one statement per batch. */
  readonly timeZone = new DataLoader<string, string | null>(
    async (ids) => {
      const rows = await timeZonesOf(this.dataSource, [...ids]);
      const byId = new Map(rows.map((r) => [r.organization_id, r.time_zone]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    { maxBatchSize: 1000 },
  );

  /** Each agency's closure-approval setting (false when it set none). */
  readonly closureApproval = new DataLoader<string, boolean>(
    async (ids) => {
      const rows = await closureApprovalsOf(this.dataSource, [...ids]);
      const byId = new Map(rows.map((r) => [r.organization_id, r.closure_needs_approval]));
      return ids.map((id) => byId.get(id) ?? false);
    },
    { maxBatchSize: 1000 },
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly peer: PeerContext,
  ) {}

  /** The agency's time zone, null when it has set none (it then works in UTC). */
  timeZoneOf(organizationId: string): Promise<string | null> {
    return this.timeZone.load(organizationId.toLowerCase());
  }

  /** Sets the agency's time zone (an IANA name), recorded with its audit event and its `organization.time_zone_set` event. */
  async setTimeZone(actor: Actor, organizationId: string, timeZone: string): Promise<OrganizationRef> {
    uuid('organizationId', organizationId);
    const id = organizationId.toLowerCase();
    const zone = typeof timeZone === 'string' ? timeZone.trim() : '';
    if (!isIanaTimeZone(zone)) throw badInput('timeZone', 'must be an IANA time zone name such as America/Vancouver');
    if (!SETTERS.has(actor.role) || actor.organizationId !== id) {
      this.audit.note({ action: 'UPDATE', entityType: 'Organization', entityId: id, outcome: 'DENIED', detail: 'timeZone' });
      throw forbidden("Only the agency's supervisors and administrators set its time zone");
    }
    await this.requireOrganization(id);
    await this.dataSource.transaction(async (tx) => {
      await upsertTimeZone(tx, id, zone, actor.staffId);
      await this.audit.write(tx, { action: 'UPDATE', entityType: 'Organization', entityId: id, detail: 'timeZone' });
      await recordEvents(tx, 'clients', [
        {
          type: 'organization.time_zone_set',
          aggregateType: 'Organization',
          aggregateId: id,
          organizationId: id,
          payload: { organizationId: id, timeZone: zone },
        },
      ]);
    });
    this.timeZone.clear(id).prime(id, zone);
    return { id };
  }

  /** Whether the agency's case managers' closures need a supervisor's approval; null for an id that is not a UUID. */
  async closureNeedsApprovalOf(organizationId: string): Promise<boolean | null> {
    return isUuid(organizationId) ? this.closureApproval.load(organizationId.toLowerCase()) : null;
  }

  /** Sets whether closures need approval, recorded with its audit event and its `organization.closure_approval_set` event. */
  async setClosureNeedsApproval(actor: Actor, organizationId: string, required: boolean): Promise<OrganizationRef> {
    uuid('organizationId', organizationId);
    const id = organizationId.toLowerCase();
    if (typeof required !== 'boolean') throw badInput('required', 'must be true or false');
    if (!SETTERS.has(actor.role) || actor.organizationId !== id) {
      this.audit.note({ action: 'UPDATE', entityType: 'Organization', entityId: id, outcome: 'DENIED', detail: 'closureNeedsApproval' });
      throw forbidden("Only the agency's supervisors and administrators set whether its closures need approval");
    }
    await this.requireOrganization(id);
    await this.dataSource.transaction(async (tx) => {
      await upsertClosureApproval(tx, id, required, actor.staffId);
      await this.audit.write(tx, { action: 'UPDATE', entityType: 'Organization', entityId: id, detail: 'closureNeedsApproval' });
      await recordEvents(tx, 'clients', [
        {
          type: 'organization.closure_approval_set',
          aggregateType: 'Organization',
          aggregateId: id,
          organizationId: id,
          payload: { organizationId: id, closureNeedsApproval: required },
        },
      ]);
    });
    this.closureApproval.clear(id).prime(id, required);
    return { id };
  }

  /** The agency must be an organization of the directory; the resources subgraph is asked (fails closed). */
  private async requireOrganization(id: string): Promise<void> {
    if (!this.peer.resourcesUrl) throw unavailable('The directory is not configured, so the agency cannot be checked; retry later');
    const data = await callPeer<{ _entities: Array<{ id: string } | null> }>({
      baseUrl: this.peer.resourcesUrl,
      internalToken: this.peer.internalToken,
      requestId: this.peer.requestId,
      timeoutMs: this.peer.timeoutMs,
      peerName: 'The directory',
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id } } }',
      variables: { r: [{ __typename: 'Organization', id }] },
    });
    if (!data._entities[0]) throw notFound('Organization', id);
  }
}
