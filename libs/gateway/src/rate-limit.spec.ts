import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { ANONYMOUS_READER, machineActor } from '@caseflow/auth';
import { AppError, createLogger } from '@caseflow/core';
import { createServiceMetrics } from '@caseflow/telemetry';
import { addressOf, createRateLimiter, limitKeyOf } from './rate-limit';

const request = (headers: Record<string, string>, remoteAddress = '10.0.0.7') =>
  ({ headers, socket: { remoteAddress } as Socket }) as unknown as IncomingMessage;

describe('limitKeyOf', () => {
  it('keys a verified staff member by staff id, anyone else by address', () => {
    const staff = { staffId: 'a1b2', role: 'CASE_MANAGER', organizationId: 'o1' } as Parameters<typeof limitKeyOf>[1];
    expect(limitKeyOf(request({}), staff)).toEqual({ kind: 'staff', id: 'a1b2' });
    expect(limitKeyOf(request({}), null)).toEqual({ kind: 'anonymous', id: '10.0.0.7' });
  });

  it('keys a machine client by its client id, and an anonymous reader of the public directory by address', () => {
    expect(limitKeyOf(request({}), machineActor('partner-211', false, undefined))).toEqual({ kind: 'client', id: 'partner-211' });
    expect(limitKeyOf(request({}), ANONYMOUS_READER)).toEqual({ kind: 'anonymous', id: '10.0.0.7' });
  });

  it('believes X-Forwarded-For only when told to, and then only its last entry (the proxy’s)', () => {
    const forwarded = request({ 'x-forwarded-for': '203.0.113.9, 198.51.100.4' });
    expect(addressOf(forwarded, false)).toBe('10.0.0.7');
    expect(addressOf(forwarded, true)).toBe('198.51.100.4');
    expect(addressOf(request({}), true)).toBe('10.0.0.7');
  });
});

describe('createRateLimiter (in memory)', () => {
  it('refuses past rate + burst with RATE_LIMITED and whole seconds to wait, counted by kind, other keys untouched', async () => {
    const metrics = createServiceMetrics('gateway', { processMetrics: false });
    const limiter = await createRateLimiter(
      { rates: { client: { ratePerSecond: 1, burst: 2 } } },
      createLogger('test', 'silent'),
      metrics.registry,
    );
    const key = { kind: 'client' as const, id: 'partner-211' };
    for (let i = 0; i < 3; i += 1) await limiter.take(key);
    const refusal = await limiter.take(key).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect({ code: (refusal as AppError).code, details: (refusal as AppError).details }).toEqual({
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: 1 },
    });
    await expect(limiter.take({ kind: 'client', id: 'another' })).resolves.toBeUndefined();
    const counted = await metrics.registry.getSingleMetric('caseflow_rate_limited_total')?.get();
    expect(counted?.values.map((v) => [v.labels.kind, v.value])).toEqual([['client', 1]]);
    await limiter.close();
  });
});
