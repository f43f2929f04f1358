import type { ServiceName } from '@caseflow/auth';
import { createLogger } from '@caseflow/core';
import { SERVICE_NAMES_REFRESH_MS, SERVICE_NAMES_TRUST_MS, ServiceNames } from './service-names';

const pantry: ServiceName = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Weekly Food Pantry',
  organizationId: '00000000-0000-4000-8000-0000000000a1',
  organizationName: 'Northside Community Services',
};
const renamed: ServiceName = { ...pantry, name: 'Food Pantry (weekly)' };

/** Names over a reader the test answers, read by read, on a clock the test moves. */
function harness() {
  let now = 1_000_000;
  const reads: Array<{ resolve: (names: ServiceName[]) => void; reject: (error: Error) => void }> = [];
  const warnings: string[] = [];
  const logger = createLogger('referrals', 'warn', (line) => warnings.push(line));
  const names = new ServiceNames({
    read: () => new Promise<ServiceName[]>((resolve, reject) => reads.push({ resolve, reject })),
    logger,
    now: () => now,
  });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return {
    names,
    reads,
    warnings,
    settle,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('the directory names a referrals process keeps', () => {
  it('starts one read at the first lookup, answers nothing until it ends, then answers from it', async () => {
    const h = harness();
    expect(h.names.lookup(pantry.id)).toBeUndefined();
    expect(h.names.lookup(pantry.id)).toBeUndefined();
    expect(h.reads).toHaveLength(1);
    h.reads[0].resolve([pantry]);
    await h.settle();
    expect(h.names.lookup(pantry.id)).toEqual(pantry);
    expect(h.names.lookup('00000000-0000-4000-8000-000000000002')).toBeUndefined();
    expect(h.names.size).toBe(1);
    expect(h.reads).toHaveLength(1);
  });

  it('reads again once the names are older than the refresh period, answering from the old ones meanwhile', async () => {
    const h = harness();
    h.names.lookup(pantry.id);
    h.reads[0].resolve([pantry]);
    await h.settle();
    h.advance(SERVICE_NAMES_REFRESH_MS - 1);
    expect(h.names.lookup(pantry.id)).toEqual(pantry);
    expect(h.reads).toHaveLength(1);
    h.advance(1);
    expect(h.names.lookup(pantry.id)).toEqual(pantry);
    expect(h.reads).toHaveLength(2);
    h.reads[1].resolve([renamed]);
    await h.settle();
    expect(h.names.lookup(pantry.id)).toEqual(renamed);
  });

  it('keeps the names it has when a read fails (logged), tries again a refresh period later, and uses none past the trust period', async () => {
    const h = harness();
    h.names.lookup(pantry.id);
    h.reads[0].resolve([pantry]);
    await h.settle();

    h.advance(SERVICE_NAMES_REFRESH_MS);
    h.names.lookup(pantry.id);
    h.reads[1].reject(new Error('The resources service could not be reached'));
    await h.settle();
    expect(h.warnings.join('\n')).toContain("the directory's names could not be read");
    expect(h.names.lookup(pantry.id)).toEqual(pantry);
    expect(h.reads).toHaveLength(2);

    h.advance(SERVICE_NAMES_REFRESH_MS);
    h.names.lookup(pantry.id);
    expect(h.reads).toHaveLength(3);
    h.reads[2].reject(new Error('still down'));
    await h.settle();

    // Trusted until TRUST_MS from when the last good read started, however the reads since went.
    h.advance(SERVICE_NAMES_TRUST_MS - 2 * SERVICE_NAMES_REFRESH_MS - 1);
    expect(h.names.lookup(pantry.id)).toEqual(pantry);
    h.advance(1);
    expect(h.names.lookup(pantry.id)).toBeUndefined();
  });

  it('refresh() reads now even within the refresh period, after a read under way', async () => {
    const h = harness();
    h.names.lookup(pantry.id);
    const refreshed = h.names.refresh();
    h.reads[0].resolve([pantry]);
    await h.settle();
    expect(h.reads).toHaveLength(2);
    h.reads[1].resolve([renamed]);
    await refreshed;
    expect(h.names.lookup(pantry.id)).toEqual(renamed);
  });
});
