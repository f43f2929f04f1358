/**
 * How the gateway talks to its subgraphs: one undici pool of kept-alive
 * connections per gateway, one request per connection at a time (no
 * pipelining, so a slow answer never holds up the ones queued behind it),
 * the answer read whole before it is handed to the query planner.
 *
 * A subgraph call gives up after its timeout — the answer's headers and body
 * both within it — so that a hung subgraph costs one part of the answer, not
 * the whole request; a failure names the subgraph (for the error the caller
 * gets) and nothing else. It is also abandoned when the caller's request
 * times out or the caller goes away: the subgraph sees its caller go away and
 * stops that work too (no transaction of it commits).
 *
 * A subgraph given several addresses (its replicas) gets its calls
 * round-robin. A replica that cannot be reached is passed over for a moment,
 * and the call goes to the next one, within the same timeout: a query always
 * (reading twice is harmless); a mutation when it never reached the replica
 * (connection refused), or when every field of it carries a
 * `clientMutationId` (a replay returns the first answer). A mutation without
 * one whose connection broke after it was sent is not sent again: it may
 * have been done, and the caller is told to retry.
 *
 * This replaces the global `fetch`: with its WHATWG Request/Response/stream
 * machinery and an `AbortSignal.timeout` per call, a subgraph call cost 2–4×
 * a kept-alive undici request, on a path that makes 5–7 of them per request.
 */
import { STATUS_CODES } from 'node:http';
import type { Fetcher, FetcherHeaders, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { Agent, type Dispatcher, request } from 'undici';
import { connectionFailure, createReplicaSet, type ReplicaSet, requestSignal } from '@caseflow/core';
import { resendable } from './resendable';

export interface SubgraphTransportOptions {
  /** Connections kept per subgraph; requests beyond them wait for one to be free. */
  connections?: number;
}

export interface SubgraphTransport {
  /**
   * The fetcher for one subgraph's data source: to the URL it is given, or,
   * with `replicas`, to those (round-robin, with failover).
   */
  fetcher(name: string, timeoutMs: number, replicas?: readonly string[]): Fetcher;
  close(): Promise<void>;
}

/** Idle sockets close well before the subgraphs' own 65 s keep-alive timeout, so a reused socket is never one they are closing. */
const KEEP_ALIVE = { keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000 };

export function createSubgraphTransport(options: SubgraphTransportOptions = {}): SubgraphTransport {
  const agent = new Agent({ ...KEEP_ALIVE, pipelining: 1, connections: options.connections ?? 64 });
  return {
    fetcher: (name, timeoutMs, replicas) => {
      let set = replicas && replicas.length > 0 ? createReplicaSet(replicas) : undefined;
      return (url, init) => call(agent, name, timeoutMs, (set ??= createReplicaSet([url])), init);
    },
    close: () => agent.close(),
  };
}

async function call(
  agent: Agent,
  name: string,
  timeoutMs: number,
  replicas: ReplicaSet,
  init: FetcherRequestInit = {},
): Promise<FetcherResponse> {
  const controller = new AbortController();
  const giveUp = () => controller.abort();
  const timer = setTimeout(giveUp, timeoutMs);
  const caller = requestSignal();
  if (caller?.aborted) giveUp();
  caller?.addEventListener('abort', giveUp);
  let canResend: boolean | undefined;
  try {
    for (const url of replicas.order()) {
      try {
        const response = await request(url, {
          dispatcher: agent,
          method: (init.method ?? 'POST') as Dispatcher.HttpMethod,
          headers: init.headers,
          body: init.body,
          signal: controller.signal,
        });
        return new SubgraphResponse(url, response.statusCode, response.headers, await response.body.text());
      } catch (error) {
        const failure = controller.signal.aborted ? null : connectionFailure(error);
        if (!failure) break;
        replicas.rest(url);
        canResend ??= resendable(init.body);
        if (failure === 'dropped' && !canResend) break;
      }
    }
    throw new Error(`Subgraph ${name} unreachable`);
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener('abort', giveUp);
  }
}

type RawHeaders = Record<string, string | string[] | undefined>;

/** The subgraph's answer, read whole: a fetch Response as RemoteGraphQLDataSource reads it. */
class SubgraphResponse implements FetcherResponse {
  readonly ok: boolean;
  readonly statusText: string;
  readonly redirected = false;
  readonly headers: ResponseHeaders;
  bodyUsed = false;

  constructor(
    readonly url: string,
    readonly status: number,
    private readonly raw: RawHeaders,
    private readonly body: string,
  ) {
    this.ok = status >= 200 && status < 300;
    this.statusText = STATUS_CODES[status] ?? '';
    this.headers = new ResponseHeaders(raw);
  }

  async text(): Promise<string> {
    this.bodyUsed = true;
    return this.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(await this.text());
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  clone(): SubgraphResponse {
    return new SubgraphResponse(this.url, this.status, this.raw, this.body);
  }
}

/** Header names in lower case, as undici gives them; repeated headers joined as fetch joins them. */
class ResponseHeaders implements FetcherHeaders {
  private readonly byName = new Map<string, string>();

  constructor(raw: RawHeaders) {
    for (const [name, value] of Object.entries(raw)) {
      if (value !== undefined) this.byName.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
    }
  }

  get(name: string): string | null {
    return this.byName.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  set(name: string, value: string): void {
    this.byName.set(name.toLowerCase(), value);
  }

  append(name: string, value: string): void {
    const current = this.get(name);
    this.set(name, current === null ? value : `${current}, ${value}`);
  }

  delete(name: string): void {
    this.byName.delete(name.toLowerCase());
  }

  entries(): IterableIterator<[string, string]> {
    return this.byName.entries();
  }

  keys(): IterableIterator<string> {
    return this.byName.keys();
  }

  values(): IterableIterator<string> {
    return this.byName.values();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.byName.entries();
  }
}
