import type { GraphQLSchema } from 'graphql';
import {
  CALENDAR_FEED_PATH,
  CLIENT_ACCESS_PATH,
  CLIENT_LOCATION_PATH,
  DOCUMENTS_PATH,
  FHIR_PATH,
  NOTIFICATION_RECIPIENTS_PATH,
  ORGANIZATION_TIME_ZONES_PATH,
  STAFF_DIRECTORY_ALL_PATH,
  STAFF_DIRECTORY_PATH,
} from '@caseflow/auth';
import { buildFederatedSchema, DEFAULT_DASHBOARD_URL, type SubgraphDefinition } from '@caseflow/federation';
import { createLogger } from '@caseflow/core';
import { AccessGrantResolver } from './access/access-grant.resolver';
import { AppointmentEntity, CalendarFeedEntity } from './appointment/appointment.entity';
import { startAppointmentSoonJob } from './appointment/appointment.job';
import { appointmentReference } from './appointment/appointment.reference';
import { AppointmentResolver, ClientAppointmentsResolver } from './appointment/appointment.resolver';
import { CalendarFeedResolver } from './appointment/calendar-feed.resolver';
import { calendarFeedRoute } from './appointment/calendar-feed.route';
import { clientAccessRoute } from './access/access.route';
import { AssessmentEntity, AssessmentItemEntity, CharacteristicEntity } from './assessment/assessment.entity';
import { assessmentReference } from './assessment/assessment.reference';
import { AssessmentResolver } from './assessment/assessment.resolver';
import { AuditTrailResolver } from './audit/audit-trail.resolver';
import { startPriorityJob } from './caseload/priority.job';
import { clientsEventConsumer } from './caseload/signals.consumer';
import { CaseEventEntity, ClientEntity, EligibilityEntity } from './client/client.entity';
import { clientReference } from './client/client.reference';
import { ClientMutationResolver, ClientResolver, EligibilityResolver } from './client/client.resolver';
import { ClosureRequestEntity } from './closure/closure-request.entity';
import { ClientClosureRequestResolver, ClosureRequestResolver } from './closure/closure-request.resolver';
import { startConsentExpiryJob } from './consent/consent-expiry.job';
import { ConsentEntity } from './consent/consent.entity';
import { consentReference } from './consent/consent.reference';
import { ConsentResolver } from './consent/consent.resolver';
import { createClientsContext, type ClientsContext } from './context';
import { InitClients1763856000000 } from './migrations/1763856000000-InitClients';
import { CaseRecord1763942400000 } from './migrations/1763942400000-CaseRecord';
import { CoveringClosureIndex1763942400021 } from './migrations/1763942400021-CoveringClosureIndex';
import { MutationFingerprint1764547200030 } from './migrations/1764547200030-MutationFingerprint';
import { StaffActive1764720000000 } from './migrations/1764720000000-StaffActive';
import { ScheduledJobs1764806400040 } from './migrations/1764806400040-ScheduledJobs';
import { ClientsOutbox1764892800050 } from './migrations/1764892800050-ClientsOutbox';
import { PrioritySignals1764892800063 } from './migrations/1764892800063-PrioritySignals';
import { OrganizationSetting1764892800070 } from './migrations/1764892800070-OrganizationSetting';
import { ConsentExpiryIndex1764892800071 } from './migrations/1764892800071-ConsentExpiryIndex';
import { Appointments1764892800080 } from './migrations/1764892800080-Appointments';
import { DocumentEntity } from './document/document.entity';
import { ClientDocumentsResolver, ConsentSignedFormResolver, DocumentResolver } from './document/document.resolver';
import { createDocumentStore, documentsRoute } from './document/document.route';
import { fhirRoute } from './fhir/fhir.route';
import { Documents1764979200072 } from './migrations/1764979200072-Documents';
import { CaseNoteEntity } from './note/note.entity';
import { noteReference } from './note/note.reference';
import { NoteResolver } from './note/note.resolver';
import { organizationReference } from './organization/organization.ref';
import { ClientProfile1764979200071 } from './migrations/1764979200071-ClientProfile';
import { clientLocationRoute } from './profile/location.route';
import { ClientProfileResolver } from './profile/profile.resolver';
import { OrganizationSettingsResolver } from './organization/organization-settings.resolver';
import { organizationTimeZonesRoute } from './organization/time-zone.route';
import { CaseOutcomeResolver } from './outcomes/outcomes.resolver';
import { StaffMemberEntity } from './staff/staff.entity';
import { staffReference } from './staff/staff.reference';
import { StaffResolver } from './staff/staff.resolver';
import { notificationRecipientsRoute } from './staff/recipients.route';
import { staffDirectoryAllRoute, staffDirectoryRoute } from './staff/staff.route';
import { CaseTeamMemberEntity } from './team/team.entity';
import { CaseTeamResolver } from './team/team.resolver';
import { caseloadSummaryReference, TeamCaseloadsResolver } from './team/team-caseloads.resolver';
import { TeamCaseloadIndex1765152000094 } from './migrations/1765152000094-TeamCaseloadIndex';
import { CaseTeam1764979200073 } from './migrations/1764979200073-CaseTeam';
import { ClosureApproval1765065600082 } from './migrations/1765065600082-ClosureApproval';
import { StaffByName1765152000091 } from './migrations/1765152000091-StaffByName';
import { DistanceTravelledIndex1765065600081 } from './migrations/1765065600081-DistanceTravelledIndex';
import { DistanceTravelledResolver } from './assessment/distance-travelled.resolver';
import { DistanceTravelledOutcomeResolver } from './outcomes/distance-travelled.resolver';

export function buildClientsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      AuditTrailResolver,
      ClientResolver,
      AccessGrantResolver,
      ClientMutationResolver,
      EligibilityResolver,
      CaseOutcomeResolver,
      StaffResolver,
      AssessmentResolver,
      NoteResolver,
      ConsentResolver,
      AppointmentResolver,
      ClientAppointmentsResolver,
      CalendarFeedResolver,
      OrganizationSettingsResolver,
      CaseTeamResolver,
      ClientProfileResolver,
      DocumentResolver,
      ClientDocumentsResolver,
      ConsentSignedFormResolver,
      ClosureRequestResolver,
      ClientClosureRequestResolver,
      DistanceTravelledResolver,
      DistanceTravelledOutcomeResolver,
      TeamCaseloadsResolver,
    ],
    // Each batched through the request's loaders and checked like a read: what the caller may not see is null (and audited).
    referenceResolvers: {
      Client: clientReference,
      StaffMember: staffReference,
      NeedsAssessment: assessmentReference,
      CaseNote: noteReference,
      Consent: consentReference,
      Appointment: appointmentReference,
      Organization: organizationReference,
      CaseloadSummary: caseloadSummaryReference,
    },
  });
}

/** The clients subgraph: clients and their case record, staff, assessments, notes and consents. */
export const clientsSubgraph: SubgraphDefinition<ClientsContext> = {
  name: 'clients',
  // A client's audit trail is gathered from plans and referrals; a consent's recipient is checked in resources.
  peers: { plans: 'http://127.0.0.1:4002', referrals: 'http://127.0.0.1:4003', resources: 'http://127.0.0.1:4004' },
  dbSchema: 'clients',
  entities: [
    StaffMemberEntity,
    ClientEntity,
    ConsentEntity,
    EligibilityEntity,
    AssessmentEntity,
    AssessmentItemEntity,
    CharacteristicEntity,
    CaseNoteEntity,
    CaseEventEntity,
    AppointmentEntity,
    CalendarFeedEntity,
    CaseTeamMemberEntity,
    DocumentEntity,
    ClosureRequestEntity,
  ],
  migrations: [
    InitClients1763856000000,
    CaseRecord1763942400000,
    CoveringClosureIndex1763942400021,
    MutationFingerprint1764547200030,
    StaffActive1764720000000,
    ScheduledJobs1764806400040,
    ClientsOutbox1764892800050,
    PrioritySignals1764892800063,
    OrganizationSetting1764892800070,
    ConsentExpiryIndex1764892800071,
    Appointments1764892800080,
    ClientProfile1764979200071,
    Documents1764979200072,
    CaseTeam1764979200073,
    DistanceTravelledIndex1765065600081,
    ClosureApproval1765065600082,
    StaffByName1765152000091,
    TeamCaseloadIndex1765152000094,
  ],
  buildSchema: buildClientsSchema,
  createContext: (dataSource, base, options) => createClientsContext(dataSource, base, options),
  internalRoutes: (dataSource) => ({
    [CLIENT_ACCESS_PATH]: clientAccessRoute(dataSource),
    [STAFF_DIRECTORY_PATH]: staffDirectoryRoute(dataSource),
    [STAFF_DIRECTORY_ALL_PATH]: staffDirectoryAllRoute(dataSource),
    [ORGANIZATION_TIME_ZONES_PATH]: organizationTimeZonesRoute(dataSource),
    [NOTIFICATION_RECIPIENTS_PATH]: notificationRecipientsRoute(dataSource),
    [CLIENT_LOCATION_PATH]: clientLocationRoute(dataSource),
  }),
  consumes: clientsEventConsumer,
  // The secret of the calendar feed is its credential: the gateway passes GET /calendar/<secret>.ics here.
  internalGetRoutes: (dataSource, options) => ({
    [CALENDAR_FEED_PATH]: calendarFeedRoute(dataSource, options?.dashboardUrl ?? DEFAULT_DASHBOARD_URL),
  }),
  // Uploads and downloads, streamed: the gateway passes POST /documents and GET /documents/<id> here.
  internalStreamRoutes: (dataSource, options) => ({
    [DOCUMENTS_PATH]: documentsRoute(dataSource, createDocumentStore(), options.logger),
    [FHIR_PATH]: fhirRoute(
      dataSource,
      { plansUrl: options.peerUrls?.plans, referralsUrl: options.peerUrls?.referrals, timeoutMs: options.peerTimeoutMs },
      options.internalSecret,
      options.logger,
    ),
  }),
  start: (dataSource, options) => {
    const [interval, logger] = [options.jobIntervalMs ?? 60_000, options.logger ?? createLogger('clients', 'info')];
    const stops = [
      startPriorityJob(dataSource, interval, logger, options.metrics),
      startAppointmentSoonJob(dataSource, interval, logger, options.metrics),
      startConsentExpiryJob(dataSource, interval, logger, options.metrics),
    ];
    return async () => {
      await Promise.all(stops.map((stop) => stop()));
    };
  },
};
