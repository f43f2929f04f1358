import type { RunningSubgraph } from '@caseflow/federation';

/**
 * Waits until the domain events of `subgraphs` have settled: each relays
 * what its outbox holds now, and every outbox and consumer queue is empty
 * twice in a row (an event applied may record another). For a test that
 * checks an event's effect in another subgraph, after the change.
 */
export async function settleEvents(subgraphs: readonly RunningSubgraph[], timeoutMs = 30_000): Promise<void> {
  const running = subgraphs.flatMap((s) => (s.events ? [s.events] : []));
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  while (quiet < 2) {
    if (Date.now() > deadline) throw new Error(`domain events did not settle within ${timeoutMs} ms`);
    for (const events of running) await events.relayNow();
    const idle = await Promise.all(running.map((events) => events.idle()));
    quiet = idle.every(Boolean) ? quiet + 1 : 0;
    // Busy: look again shortly. Quiet once: look again at once (an event applied in between may have recorded another).
    if (quiet === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
