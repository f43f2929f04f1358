import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema, type SubgraphDefinition } from '@caseflow/federation';
import { ClientReferralsResolver } from './client/client-referrals.resolver';
import { createReferralsContext, type ReferralsContext } from './context';
import { InitReferrals1763856000002 } from './migrations/1763856000002-InitReferrals';
import { ReferralEventEntity } from './referral/referral-event.entity';
import { ReferralEntity } from './referral/referral.entity';
import { ReferralResolver } from './referral/referral.resolver';

export function buildReferralsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [ReferralResolver, ClientReferralsResolver],
    referenceResolvers: {
      Referral: (ref, ctx: ReferralsContext) => ctx.referrals.reference(ctx.actor, ref.id),
      ReferralEvent: (ref, ctx: ReferralsContext) => ctx.referrals.eventReference(ctx.actor, ref.id),
      // Only the key: who may see the client's referrals is decided in Client.referrals.
      Client: (ref) => ({ id: ref.id }),
    },
  });
}

/** The referrals subgraph: closed-loop referrals and their history, and Client.referrals. */
export const referralsSubgraph: SubgraphDefinition<ReferralsContext> = {
  name: 'referrals',
  dbSchema: 'referrals',
  entities: [ReferralEntity, ReferralEventEntity],
  migrations: [InitReferrals1763856000002],
  buildSchema: buildReferralsSchema,
  createContext: (dataSource, base, options) => createReferralsContext(dataSource, base, options),
};
