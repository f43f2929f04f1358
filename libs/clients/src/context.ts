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
import type { ClientsDeps } from './deps';
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
  /** What every commands and queries object of the request is built from (deps.ts). */
  deps: ClientsDeps;
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
  const grants = new DataLoader<string, ClientGrant>((ids) => decideGrants(dataSource, base.actor, ids), { maxBatchSize: 1000 });
  const deps: ClientsDeps = {
    dataSource,
    loaders,
    audit: base.audit,
    actor: base.actor,
    grants,
    peers: {
      referrals: { referralsUrl: options.peerUrls?.referrals, timeoutMs: options.peerTimeoutMs, ...identity },
      directory: { resourcesUrl: options.peerUrls?.resources, timeoutMs: options.peerTimeoutMs, ...identity },
      auditTrail: { plansUrl: options.peerUrls?.plans, referralsUrl: options.peerUrls?.referrals, timeoutMs: options.peerTimeoutMs },
      identity,
    },
    calendar: { internalSecret: options.internalSecret, dashboardUrl: options.dashboardUrl ?? DEFAULT_DASHBOARD_URL },
  };
  return {
    ...base,
    dataSource,
    loaders,
    deps,
    clients: new ClientQueries(deps),
    clientCommands: new ClientCommands(deps),
    staff: new StaffQueries(deps),
    assessments: new AssessmentQueries(deps),
    assessmentCommands: new AssessmentCommands(deps),
    notes: new NoteQueries(deps),
    noteCommands: new NoteCommands(deps),
    consents: new ConsentQueries(deps),
    consentCommands: new ConsentCommands(deps),
    caseOutcomes: new CaseOutcomeQueries(deps),
    distanceTravelled: new DistanceTravelledQueries(deps),
    distanceTravelledOutcomes: new DistanceTravelledOutcomeQueries(deps),
    appointments: new AppointmentQueries(deps),
    appointmentCommands: new AppointmentCommands(deps),
    calendarFeeds: new CalendarFeeds(deps),
    auditTrails: new AuditTrailQueries(deps),
    organizationSettings: new OrganizationSettings(deps),
    caseTeams: new TeamQueries(deps),
    caseTeamCommands: new TeamCommands(deps),
    transferCommands: new TransferCommands(deps),
    teamCaseloads: new TeamCaseloadQueries(deps),
    closureRequests: new ClosureRequestQueries(deps),
    closureRequestCommands: new ClosureRequestCommands(deps),
    grants,
    internalSecret: options.internalSecret,
  };
}
