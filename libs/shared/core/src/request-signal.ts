/**
 * The abort signal of the request being served, wherever the work for it
 * runs (resolvers, loaders, transactions, calls to other services). It is
 * aborted when the request times out or its caller goes away: work still
 * running for it must stop rather than finish for nobody — above all, no
 * transaction of it may commit after the caller was told to retry.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const current = new AsyncLocalStorage<AbortSignal>();

/** Runs `work` (and everything it starts) as the request of `signal`. */
export function withRequestSignal<T>(signal: AbortSignal, work: () => T): T {
  return current.run(signal, work);
}

/** The signal of the request this code runs for, if any (none in jobs, seeds and migrations). */
export function requestSignal(): AbortSignal | undefined {
  return current.getStore();
}
