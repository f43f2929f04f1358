/**
 * The per-request questions a notification's links need answered by the
 * subgraphs that own their targets, batched (one round trip per request and
 * peer): the caller's grants on the linked clients (clients'
 * `/internal/client-access`), and which linked referrals the caller may see
 * (referrals' `_entities`, access-checked there). A link is returned only
 * when the answer allows it, so that a reader who lost access gets null
 * without an error. Both fail closed (UNAVAILABLE).
 */
import DataLoader from 'dataloader';
import { callPeer, type ClientGrant, createClientAccessLoader } from '@caseflow/auth';
import { unavailable } from '@caseflow/core';
import type { RequestContext, SubgraphRuntimeOptions } from '@caseflow/federation';

export interface NotificationsLoaders {
  access: DataLoader<string, ClientGrant>;
  /** Whether the caller may see each referral. */
  referralVisible: DataLoader<string, boolean>;
}

const REFERRALS_QUERY = 'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Referral { id } } }';

export function createNotificationsLoaders(options: SubgraphRuntimeOptions, base: RequestContext): NotificationsLoaders {
  const clientsUrl = options.peerUrls?.clients;
  const referralsUrl = options.peerUrls?.referrals;
  return {
    access: createClientAccessLoader(
      { clientsUrl: clientsUrl ?? '', timeoutMs: options.peerTimeoutMs },
      base.internalToken,
      base.requestId,
    ),
    referralVisible: new DataLoader<string, boolean>(
      async (ids) => {
        if (!referralsUrl) throw unavailable('The referrals service is not configured');
        const data = await callPeer<{ _entities: Array<{ id: string } | null> }>({
          baseUrl: referralsUrl,
          internalToken: base.internalToken,
          requestId: base.requestId,
          query: REFERRALS_QUERY,
          variables: { representations: ids.map((id) => ({ __typename: 'Referral', id })) },
          timeoutMs: options.peerTimeoutMs,
          peerName: 'the referrals service',
        });
        const answered = Array.isArray(data._entities) ? data._entities : [];
        if (answered.length !== ids.length) throw unavailable('The referrals service answered for other referrals than asked');
        return answered.map((entity) => entity !== null);
      },
      { maxBatchSize: 100 },
    ),
  };
}
