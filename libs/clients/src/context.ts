import type { DataSource } from 'typeorm';
import type { RequestContext, SubgraphRuntimeOptions } from '@caseflow/federation';
import { AssessmentService } from './assessment/assessment.service';
import type { AuditPeers } from './audit/audit-peers';
import { ClientCommands } from './client/client.commands';
import { ClientService } from './client/client.service';
import { ConsentService } from './consent/consent.service';
import { createClientsLoaders, type ClientsLoaders } from './loaders';
import { NoteService } from './note/note.service';
import { StaffService } from './staff/staff.service';

export interface ClientsContext extends RequestContext {
  loaders: ClientsLoaders;
  clients: ClientService;
  commands: ClientCommands;
  staff: StaffService;
  assessments: AssessmentService;
  notes: NoteService;
  consents: ConsentService;
  dataSource: DataSource;
  auditPeers: AuditPeers;
}

export function createClientsContext(dataSource: DataSource, base: RequestContext, options: SubgraphRuntimeOptions): ClientsContext {
  const loaders = createClientsLoaders(dataSource);
  return {
    ...base,
    dataSource,
    loaders,
    auditPeers: { plansUrl: options.peerUrls?.plans, referralsUrl: options.peerUrls?.referrals, timeoutMs: options.peerTimeoutMs },
    clients: new ClientService(dataSource, loaders, base.audit),
    commands: new ClientCommands(dataSource, loaders, base.audit),
    staff: new StaffService(loaders),
    assessments: new AssessmentService(dataSource, loaders, base.audit),
    notes: new NoteService(dataSource, base.actor, base.audit),
    consents: new ConsentService(dataSource, loaders, base.audit, {
      resourcesUrl: options.peerUrls?.resources,
      internalToken: base.internalToken,
      requestId: base.requestId,
      timeoutMs: options.peerTimeoutMs,
    }),
  };
}
