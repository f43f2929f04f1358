import { type Actor, INTERNAL_TOKEN_HEADER, signInternalToken } from '@caseflow/auth';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

/** POSTs a GraphQL operation over real HTTP and returns the status and the parsed body; the headers may still be being signed (internalHeaders). */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> | Promise<Record<string, string>> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await headers) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: { data?: T | null; errors?: GraphQLResponse['errors'] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: response.status, data: body.data, errors: body.errors };
}

/** Headers a subgraph accepts: an internal token for `actor`, as the gateway would sign it. */
export async function internalHeaders(actor: Actor, secret: string, requestId = 'test-request'): Promise<Record<string, string>> {
  return { [INTERNAL_TOKEN_HEADER]: await signInternalToken({ actor, requestId }, secret) };
}

/** The error codes of a response, in order. */
export function errorCodes(response: GraphQLResponse): unknown[] {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}
