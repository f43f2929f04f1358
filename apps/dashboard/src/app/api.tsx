/**
 * The GraphQL client: urql over the gateway's /graphql, with the session's
 * bearer token, POST only (the gateway takes no GET operations), and a
 * session that the gateway no longer accepts sent back to sign-in.
 */
import { Client, cacheExchange, fetchExchange, mapExchange } from '@urql/core';
import { isUnauthenticated } from '../api/errors';

export function createApiClient(
  getToken: () => string | null,
  onUnauthenticated: () => void,
  fetchFn?: typeof fetch,
  url = '/graphql',
): Client {
  return new Client({
    url,
    fetch: fetchFn,
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (isUnauthenticated(error)) onUnauthenticated();
        },
      }),
      fetchExchange,
    ],
    fetchOptions: () => {
      const token = getToken();
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return { headers };
    },
  });
}
