import { writeFileSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestIssuer, errorCodes, freePort, listeningAddresses, postGraphQL, spawnService } from '@caseflow/testing';

describe('the gateway process', () => {
  it('refuses a bad configuration, listing every problem, with exit code 1', async () => {
    const service = spawnService('apps/gateway/src/main.ts', {
      GATEWAY_PORT: '99999',
      METRICS_PORT: 'x',
      PLANS_URL: 'nowhere',
      REFERRALS_URL: 'http://127.0.0.1:4003,nowhere',
      AUTH_JWKS_COOLDOWN_MS: '10',
    });
    expect(await service.exited).toBe(1);
    const output = service.output();
    expect(output).toContain('GATEWAY_PORT must be between 0 and 65535, got 99999');
    expect(output).toContain('METRICS_PORT must be a whole number, got "x"');
    expect(output).toContain('PLANS_URL must be a URL');
    expect(output).toContain('REFERRALS_URL must be URLs separated by commas (one per replica); entry 2 is not a URL');
    expect(output).toContain('INTERNAL_TOKEN_SECRET is required');
    expect(output).toContain('AUTH_JWKS_COOLDOWN_MS must be between 100 and 600000, got 10');
    expect(output).toContain('AUTH_JWKS_URL (an OIDC issuer) or AUTH_PUBLIC_KEY_FILE (the development issuer) is required');
  });

  it('refuses an OTLP protocol it cannot speak, naming the variable, before anything starts', async () => {
    const service = spawnService('apps/gateway/src/main.ts', {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'thrift',
    });
    expect(await service.exited).toBe(1);
    expect(service.output()).toContain(
      'Invalid configuration:\n  - OTEL_EXPORTER_OTLP_PROTOCOL must be one of http/protobuf, http/json, grpc',
    );
    expect(service.output()).not.toContain('gateway listening');
  });

  it('refuses the development issuer in production', async () => {
    const service = spawnService('apps/gateway/src/main.ts', {
      NODE_ENV: 'production',
      INTERNAL_TOKEN_SECRET: 's',
      AUTH_PUBLIC_KEY_FILE: '/dev/null',
    });
    expect(await service.exited).toBe(1);
    expect(service.output()).toContain('AUTH_JWKS_URL is required in production (the development issuer is refused)');
  });

  it('starts on the committed supergraph, refuses unauthenticated requests, is ready once each subgraph has a replica up, serves metrics on their own port only, and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caseflow-gateway-'));
    const keyFile = join(dir, 'issuer.pub.pem');
    writeFileSync(keyFile, createTestIssuer().publicKeyPem);
    const closed = `http://127.0.0.1:${await freePort()}`;
    // Every subgraph's second replica: its /health answers once it is up.
    let up = false;
    const replica = createServer((_request, response) => response.writeHead(up ? 200 : 503).end());
    await new Promise<void>((resolve) => replica.listen(0, '127.0.0.1', resolve));
    const replicas = `${closed},http://127.0.0.1:${(replica.address() as AddressInfo).port}`;
    const service = spawnService('apps/gateway/src/main.ts', {
      // Port 0: the system chooses as the gateway binds, and its log line names both addresses.
      GATEWAY_PORT: '0',
      METRICS_PORT: '0',
      INTERNAL_TOKEN_SECRET: 'gateway-process-secret',
      AUTH_PUBLIC_KEY_FILE: keyFile,
      CLIENTS_URL: replicas,
      PLANS_URL: replicas,
      REFERRALS_URL: replicas,
      RESOURCES_URL: replicas,
      NOTIFICATIONS_URL: replicas,
    });
    try {
      await service.waitFor(/gateway listening/, 60_000);
      const { base, metricsUrl } = listeningAddresses(service.output(), 'gateway listening');
      expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${base}/ready`);
      expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 503, body: { ready: false } });
      up = true;
      const readyOnOne = await fetch(`${base}/ready`);
      expect({ status: readyOnOne.status, body: await readyOnOne.json() }).toEqual({ status: 200, body: { ready: true } });
      const res = await postGraphQL(`${base}/graphql`, '{ me { id } }');
      expect({ status: res.status, codes: errorCodes(res) }).toEqual({ status: 401, codes: ['UNAUTHENTICATED'] });
      expect((await fetch(`${base}/metrics`)).status).toBe(404);
      const scrape = await fetch(metricsUrl);
      expect(scrape.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await scrape.text();
      expect(text).toMatch(/caseflow_http_requests_total\{route="\/graphql",method="POST",status="401",service="gateway"\} 1\n/);
      expect(text).toMatch(/caseflow_errors_total\{operation="\(refused\)",code="UNAUTHENTICATED",service="gateway"\} 1\n/);
    } finally {
      service.child.kill('SIGTERM');
      replica.closeAllConnections();
      replica.close();
    }
    expect(await service.exited).toBe(0);
  });
});
