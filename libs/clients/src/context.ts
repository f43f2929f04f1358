import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { ClientGrant } from '@caseflow/auth';
import { DEFAULT_DASHBOARD_URL, type RequestContext, type SubgraphRuntimeOptions } from '@caseflow/federation';
import { decideGrants } from './access/access.route';
import { AppointmentCommands } from './appointment/appointment.commands';
import { AppointmentQueries } from './appointment/appointment.queries';
import { CalendarFeeds } from './appointment/calendar-feed';
import { AssessmentCommands } from './assessment/assessment.commands';
import { AssessmentQueries } from './assessment/assessment.queries';
import { AuditTrailQueries } from './audit/audit-trail.queries';
import { ClientCommands } from './client/client.commands';
import { ClientQueries } from './client/client.queries';
import { ClosureRequestCommands } from './closure/closure-request.commands';
import { ClosureRequestQueries } from './closure/closure-request.queries';
import { ConsentCommands } from './consent/consent.commands';
import { ConsentQueries } from './consent/consent.queries';
import { createClientsLoaders, type ClientsLoaders } from './loaders';
import { NoteCommands } from './note/note.commands';
import { NoteQueries } from './note/note.queries';
import { OrganizationSettings } from './organization/organization-settings';
import { CaseOutcomeQueries } from './outcomes/outcomes.queries';
import { DistanceTravelledQueries } from './assessment/distance-travelled.queries';
import { DistanceTravelledOutcomeQueries } from './outcomes/distance-travelled.queries';
import { StaffQueries } from './staff/staff.queries';
import { TeamCommands } from './team/team.commands';
import { TeamQueries } from './team/team.queries';
import { TransferCommands } from './team/transfer.commands';
import { TeamCaseloadQueries } from './team/team-caseloads.queries';

/** The request context: for each aggregate its queries (`ctx.<aggregates>`) and its commands (`ctx.<aggregate>Commands`). */
export interface ClientsContext extends RequestContext {
  dataSource: DataSource;
  loaders: ClientsLoaders;
  clients: ClientQueries;
  clientCommands: ClientCommands;
  staff: StaffQueries;
  assessments: AssessmentQueries;
  assessmentCommands: AssessmentCommands;
  notes: NoteQueries;
  noteCommands: NoteCommands;
  consents: ConsentQueries;
  consentCommands: ConsentCommands;
  caseOutcomes: CaseOutcomeQueries;
  distanceTravelled: DistanceTravelledQueries;
  distanceTravelledOutcomes: DistanceTravelledOutcomeQueries;
  appointments: AppointmentQueries;
  appointmentCommands: AppointmentCommands;
  calendarFeeds: CalendarFeeds;
  auditTrails: AuditTrailQueries;
  organizationSettings: OrganizationSettings;
  caseTeams: TeamQueries;
  caseTeamCommands: TeamCommands;
  transferCommands: TransferCommands;
  teamCaseloads: TeamCaseloadQueries;
  closureRequests: ClosureRequestQueries;
  closureRequestCommands: ClosureRequestCommands;
  /** The caller's grants on clients by the one access rule, for the grants this subgraph signs into `Client.accessGrant`. */
  grants: DataLoader<string, ClientGrant>;
  /** The internal secret, which signs those grants. */
  internalSecret: string;
}

export function createClientsContext(dataSource: DataSource, base: RequestContext, options: SubgraphRuntimeOptions): ClientsContext {
  const loaders = createClientsLoaders(dataSource, base.actor);
  const identity = { internalToken: base.internalToken, requestId: base.requestId };
  const directory = { resourcesUrl: options.peerUrls?.resources, timeoutMs: options.peerTimeoutMs, ...identity };
  const clientCommands = new ClientCommands(dataSource, loaders, base.audit);
  return {
    ...base,
    dataSource,
    loaders,
    clients: new ClientQueries(dataSource, loaders, base.audit),
    clientCommands,
    staff: new StaffQueries(loaders, dataSource, base.audit),
    assessments: new AssessmentQueries(dataSource, loaders, base.audit),
    assessmentCommands: new AssessmentCommands(dataSource, base.audit),
    notes: new NoteQueries(loaders, base.audit),
    noteCommands: new NoteCommands(dataSource, base.audit),
    consents: new ConsentQueries(loaders, base.audit),
    consentCommands: new ConsentCommands(dataSource, loaders, base.audit, directory),
    caseOutcomes: new CaseOutcomeQueries(dataSource, base.audit),
    distanceTravelled: new DistanceTravelledQueries(loaders, base.audit),
    distanceTravelledOutcomes: new DistanceTravelledOutcomeQueries(dataSource, base.audit),
    appointments: new AppointmentQueries(dataSource, loaders, base.audit),
    appointmentCommands: new AppointmentCommands(dataSource, base.audit, {
      referralsUrl: options.peerUrls?.referrals,
      timeoutMs: options.peerTimeoutMs,
      ...identity,
    }),
    calendarFeeds: new CalendarFeeds(dataSource, base.audit, options.internalSecret, options.dashboardUrl ?? DEFAULT_DASHBOARD_URL),
    auditTrails: new AuditTrailQueries(
      dataSource,
      loaders,
      base.audit,
      { plansUrl: options.peerUrls?.plans, referralsUrl: options.peerUrls?.referrals, timeoutMs: options.peerTimeoutMs },
      identity,
    ),
    organizationSettings: new OrganizationSettings(dataSource, base.audit, directory),
    caseTeams: new TeamQueries(loaders, base.audit),
    caseTeamCommands: new TeamCommands(dataSource, loaders, base.audit),
    transferCommands: new TransferCommands(dataSource, loaders, base.audit),
    teamCaseloads: new TeamCaseloadQueries(dataSource, base.actor, base.audit),
    closureRequests: new ClosureRequestQueries(dataSource, loaders, base.audit),
    closureRequestCommands: new ClosureRequestCommands(dataSource, base.audit, clientCommands),
    grants: new DataLoader((ids) => decideGrants(dataSource, base.actor, ids), { maxBatchSize: 1000 }),
    internalSecret: options.internalSecret,
  };
}
