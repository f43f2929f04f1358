import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { ClientGrant } from '@caseflow/auth';
import type { RequestContext, SubgraphRuntimeOptions } from '@caseflow/federation';
import { createReferralsLoaders, createReferralsPeers, type ReferralsLoaders } from './loaders';
import { InboxService } from './organization/inbox.service';
import { OutcomesService } from './outcomes/outcomes.service';
import { ReferralService } from './referral/referral.service';
import { ReferralWorkflow } from './referral/referral.workflow';

export interface ReferralsContext extends RequestContext {
  loaders: ReferralsLoaders;
  access: DataLoader<string, ClientGrant>;
  referrals: ReferralService;
  workflow: ReferralWorkflow;
  inbox: InboxService;
  outcomes: OutcomesService;
}

export function createReferralsContext(dataSource: DataSource, base: RequestContext, options: SubgraphRuntimeOptions): ReferralsContext {
  const loaders = createReferralsLoaders(dataSource);
  const peers = createReferralsPeers(options, base);
  const referrals = new ReferralService(loaders, peers.access, base.audit);
  return {
    ...base,
    loaders,
    access: peers.access,
    referrals,
    workflow: new ReferralWorkflow(dataSource, loaders, peers, base.audit),
    inbox: new InboxService(dataSource, base.audit, peers.access),
    outcomes: new OutcomesService(dataSource, base.audit),
  };
}
