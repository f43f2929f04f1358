/**
 * A referral's service as this subgraph provides it (`Referral.service`'s
 * `@provides(fields: "name organization { id name }")`): its name and its
 * organization's id and name, so that a caseload's referrals need no trip
 * to the resources subgraph.
 *
 * The names come from the directory's names read whole
 * (`@caseflow/auth` service-names.ts), kept per process:
 *
 * - a lookup that finds the names read more than REFRESH_MS ago starts a new
 *   read (one at a time, in the background; nothing waits for it, and
 *   nothing runs in an idle process: no timer);
 * - names are trusted TRUST_MS from when their read started: a renamed
 *   service or agency shows its new name within REFRESH_MS or so, and names
 *   are never used past TRUST_MS however long the directory is unreachable;
 * - a service the names do not hold (created since the read, or the names
 *   not read yet, or too old) is asked of the directory on the caller's
 *   behalf, as before (the request's `directory` loader: one round trip per
 *   request); a service the directory does not know is null, as the gateway
 *   made it when it asked the directory itself.
 *
 * Names of agencies and services are public directory data, which every
 * role reads (the resources subgraph's directory policy); no client data is
 * involved.
 */
import type DataLoader from 'dataloader';
import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { fetchServiceNames, type ServiceName } from '@caseflow/auth';
import { errorFields, type Logger } from '@caseflow/core';
import type { SubgraphRuntimeOptions } from '@caseflow/federation';
import type { DirectoryService } from './service-directory';

/** How old the names may be before a lookup starts a new read. */
export const SERVICE_NAMES_REFRESH_MS = 30_000;
/** How long names are used at all, from when their read started. */
export const SERVICE_NAMES_TRUST_MS = 120_000;

export interface ServiceNamesOptions {
  /** Reads every service's names (the resources subgraph's SERVICE_NAMES_PATH). */
  read: () => Promise<ServiceName[]>;
  logger?: Logger;
  refreshMs?: number;
  trustMs?: number;
  now?: () => number;
}

/** The directory's names as this process last read them. */
export class ServiceNames {
  private names = new Map<string, ServiceName>();
  private readAt = Number.NEGATIVE_INFINITY;
  private triedAt = Number.NEGATIVE_INFINITY;
  private reading: Promise<void> | null = null;
  private readonly refreshMs: number;
  private readonly trustMs: number;
  private readonly now: () => number;

  constructor(private readonly options: ServiceNamesOptions) {
    this.refreshMs = options.refreshMs ?? SERVICE_NAMES_REFRESH_MS;
    this.trustMs = options.trustMs ?? SERVICE_NAMES_TRUST_MS;
    this.now = options.now ?? Date.now;
  }

  /** The service's names if held and still trusted; starts a read when they are due for one. */
  lookup(serviceId: string): ServiceName | undefined {
    const now = this.now();
    if (!this.reading && now - this.triedAt >= this.refreshMs) this.reading = this.read(now);
    return now - this.readAt < this.trustMs ? this.names.get(serviceId) : undefined;
  }

  /** Reads the names now, after the read under way if there is one (tests; a lookup never waits). */
  async refresh(): Promise<void> {
    if (this.reading) await this.reading;
    await (this.reading ??= this.read(this.now()));
  }

  /** How many services the names hold. */
  get size(): number {
    return this.names.size;
  }

  private async read(startedAt: number): Promise<void> {
    this.triedAt = startedAt;
    try {
      const services = await this.options.read();
      this.names = new Map(services.map((s) => [s.id, s]));
      this.readAt = startedAt;
    } catch (error) {
      // The names held stay in use until TRUST_MS; meanwhile the unknown ones are asked of the directory per request.
      this.options.logger?.warn("the directory's names could not be read", errorFields(error));
    } finally {
      this.reading = null;
    }
  }
}

/** One set of names per process and resources subgraph (tests run several subgraphs in one process). */
const perPeer = new Map<string, ServiceNames>();

/** The process's names for `options`' resources subgraph; none when it is not configured. */
export function serviceNamesFor(options: SubgraphRuntimeOptions): ServiceNames | null {
  const resourcesUrl = options.peerUrls?.resources;
  if (!resourcesUrl) return null;
  const key = `${resourcesUrl} ${options.internalSecret}`;
  let names = perPeer.get(key);
  if (!names) {
    const peer = { resourcesUrl, internalSecret: options.internalSecret, timeoutMs: options.peerTimeoutMs };
    names = new ServiceNames({ read: () => fetchServiceNames(peer), logger: options.logger });
    perPeer.set(key, names);
  }
  return names;
}

/** A referral's service with the names it provides. */
export interface ProvidedService {
  id: string;
  name: string;
  organization: { id: string; name: string };
}

/** The service with its names: from the names held, else asked of the directory (null when it does not know the service). */
export async function provideService(
  serviceId: string,
  names: ServiceNames | null,
  directory: DataLoader<string, DirectoryService | null>,
): Promise<ProvidedService | null> {
  const known = names?.lookup(serviceId);
  if (known) return { id: known.id, name: known.name, organization: { id: known.organizationId, name: known.organizationName } };
  const asked = await directory.load(serviceId);
  return asked ? { id: asked.id, name: asked.name, organization: { id: asked.organizationId, name: asked.organizationName } } : null;
}

/**
 * Whether the selection of `Referral.service` asks for a provided field (its
 * `name` or `organization`); a selection of `id` alone needs no names. A
 * fragment counts as asking (the gateway sends plain fields).
 */
export function asksForProvidedNames(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((node) => node.selectionSet !== undefined && selectsNames(node.selectionSet));
}

function selectsNames(selectionSet: SelectionSetNode): boolean {
  return selectionSet.selections.some(
    (selection) => selection.kind !== Kind.FIELD || selection.name.value === 'name' || selection.name.value === 'organization',
  );
}
