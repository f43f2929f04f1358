/**
 * An agency's settings kept by the clients subgraph: its time zone, which
 * decides "today" for its due dates, follow-ups and reminders, and whether
 * its case managers' closures need a supervisor's approval. Any signed-in
 * person may read them (they are not personal data); only the agency's own
 * supervisors and administrators set them.
 */
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import { badInput, forbidden, isIanaTimeZone, isUuid, notFound, unavailable, uuid } from '@caseflow/core';
import { type EventPayloads, recordEvents } from '@caseflow/events';
import { isDirectoryOrganization } from './organization.peers';
import type { OrganizationRef } from './organization.ref';
import { closureApprovalsOf, timeZonesOf, upsertClosureApproval, upsertTimeZone } from './organization-setting.sql';
import type { ClientsDeps } from '../deps';

const SETTERS = new Set(['SUPERVISOR', 'ADMIN']);
type SettingEvent = 'organization.time_zone_set' | 'organization.closure_approval_set';

/** What one setting writes and tells: its audit detail, its statement, its domain event and the loader that caches it. */
interface Setting<T, E extends SettingEvent> {
  detail: string;
  /** For the refusal: "Only the agency's supervisors and administrators set …". */
  what: string;
  write: (tx: EntityManager, id: string) => Promise<void>;
  event: E;
  payload: (id: string) => EventPayloads[E];
  loader: DataLoader<string, T>;
  value: T;
}

export class OrganizationSettings {
  /** Each agency's set time zone (null when none is set), one statement per batch. */
  readonly timeZone = new DataLoader<string, string | null>(
    async (ids) => {
      const rows = await timeZonesOf(this.deps.dataSource, [...ids]);
      const byId = new Map(rows.map((r) => [r.organization_id, r.time_zone]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    { maxBatchSize: 1000 },
  );

  /** Each agency's closure-approval setting (false when it set none). */
  readonly closureApproval = new DataLoader<string, boolean>(
    async (ids) => {
      const rows = await closureApprovalsOf(this.deps.dataSource, [...ids]);
      const byId = new Map(rows.map((r) => [r.organization_id, r.closure_needs_approval]));
      return ids.map((id) => byId.get(id) ?? false);
    },
    { maxBatchSize: 1000 },
  );

  constructor(private readonly deps: ClientsDeps) {}

  /** The agency's time zone, null when it has set none (it then works in UTC). */
  timeZoneOf(organizationId: string): Promise<string | null> {
    return this.timeZone.load(organizationId.toLowerCase());
  }

  /** Sets the agency's time zone (an IANA name), recorded with its audit event and its `organization.time_zone_set` event. */
  async setTimeZone(actor: Actor, organizationId: string, timeZone: string): Promise<OrganizationRef> {
    uuid('organizationId', organizationId);
    const zone = typeof timeZone === 'string' ? timeZone.trim() : '';
    if (!isIanaTimeZone(zone)) throw badInput('timeZone', 'must be an IANA time zone name such as America/Vancouver');
    return this.set(actor, organizationId, {
      detail: 'timeZone',
      what: 'its time zone',
      write: (tx, id) => upsertTimeZone(tx, id, zone, actor.staffId),
      event: 'organization.time_zone_set',
      payload: (id) => ({ organizationId: id, timeZone: zone }),
      loader: this.timeZone,
      value: zone,
    });
  }

  /** Whether the agency's case managers' closures need a supervisor's approval; null for an id that is not a UUID. */
  async closureNeedsApprovalOf(organizationId: string): Promise<boolean | null> {
    return isUuid(organizationId) ? this.closureApproval.load(organizationId.toLowerCase()) : null;
  }

  /** Sets whether closures need approval, recorded with its audit event and its `organization.closure_approval_set` event. */
  async setClosureNeedsApproval(actor: Actor, organizationId: string, required: boolean): Promise<OrganizationRef> {
    uuid('organizationId', organizationId);
    if (typeof required !== 'boolean') throw badInput('required', 'must be true or false');
    return this.set(actor, organizationId, {
      detail: 'closureNeedsApproval',
      what: 'whether its closures need approval',
      write: (tx, id) => upsertClosureApproval(tx, id, required, actor.staffId),
      event: 'organization.closure_approval_set',
      payload: (id) => ({ organizationId: id, closureNeedsApproval: required }),
      loader: this.closureApproval,
      value: required,
    });
  }

  /**
   * One setting of the agency, its value already checked: only the agency's
   * own supervisors and administrators (a refusal is audited), for an agency
   * of the directory; written with its audit event and its domain event in
   * one transaction, then primed in the request's loader.
   */
  private async set<T, E extends SettingEvent>(actor: Actor, organizationId: string, setting: Setting<T, E>): Promise<OrganizationRef> {
    const id = organizationId.toLowerCase();
    const { detail } = setting;
    if (!SETTERS.has(actor.role) || actor.organizationId !== id) {
      this.deps.audit.note({ action: 'UPDATE', entityType: 'Organization', entityId: id, outcome: 'DENIED', detail });
      throw forbidden(`Only the agency's supervisors and administrators set ${setting.what}`);
    }
    await this.requireOrganization(id);
    await this.deps.dataSource.transaction(async (tx) => {
      await setting.write(tx, id);
      await this.deps.audit.write(tx, { action: 'UPDATE', entityType: 'Organization', entityId: id, detail });
      const payload = setting.payload(id);
      await recordEvents(tx, 'clients', [
        { type: setting.event, aggregateType: 'Organization', aggregateId: id, organizationId: id, payload },
      ]);
    });
    setting.loader.clear(id).prime(id, setting.value);
    return { id };
  }

  /** The agency must be an organization of the directory; the resources subgraph is asked (fails closed). */
  private async requireOrganization(id: string): Promise<void> {
    const unconfigured = () => unavailable('The directory is not configured, so the agency cannot be checked; retry later');
    if (!(await isDirectoryOrganization(this.deps.peers.directory, id, unconfigured))) throw notFound('Organization', id);
  }
}
