import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { createTestDatabase, dropTestDatabase } from './postgres';
import { freePort } from './ports';
import { createTestIssuer } from './issuer';
import { inheritedEnvironment, spawnService } from './process';

describe('the test database', () => {
  it('is a real, empty PostgreSQL database of its own, and can be dropped', async () => {
    const first = await createTestDatabase('isolation');
    const second = await createTestDatabase('isolation');
    expect(first).not.toBe(second);
    const client = new Client({ connectionString: first });
    await client.connect();
    const { rows } = await client.query(`SELECT current_database() AS name, version() AS version,
      (SELECT count(*)::int FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')) AS tables`);
    await client.end();
    expect(rows[0].name).toBe(new URL(first).pathname.slice(1));
    expect(rows[0].version).toMatch(/^PostgreSQL \d+/);
    expect(rows[0].tables).toBe(0);

    await dropTestDatabase(second);
    const gone = new Client({ connectionString: second });
    await expect(gone.connect()).rejects.toThrow(/does not exist/);
  });
});

describe('freePort', () => {
  it('gives a port nothing listens on', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  it("draws ports below the system's range for outgoing connections, never the same one twice", async () => {
    const [ephemeralLow] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    const ports = await Promise.all(Array.from({ length: 40 }, () => freePort()));
    expect(new Set(ports).size).toBe(ports.length);
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(1024);
      expect(port).toBeLessThan(ephemeralLow);
    }
  });
});

describe('the test issuer', () => {
  it("mints tokens its verifier accepts and another issuer's verifier refuses", async () => {
    const actor = {
      staffId: '00000000-0000-4000-8000-000000000001',
      role: 'SUPERVISOR' as const,
      organizationId: '00000000-0000-4000-8000-00000000000a',
    };
    const issuer = createTestIssuer();
    await expect(issuer.verifier(`Bearer ${await issuer.token(actor)}`)).resolves.toEqual(actor);
    await expect(createTestIssuer().verifier(`Bearer ${await issuer.token(actor)}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe("a spawned service's environment", () => {
  it("inherits the clock and the machine (faketime's preload, path, locale) but no Caseflow setting", () => {
    const env = inheritedEnvironment({
      PATH: '/usr/bin',
      LANG: 'C.UTF-8',
      LD_PRELOAD: '/usr/$LIB/faketime/libfaketime.so.1',
      FAKETIME: '+34560000',
      FAKETIME_SHARED: '/sem /shm',
      DATABASE_URL: 'postgres://somewhere/db',
      INTERNAL_TOKEN_SECRET: 'not-for-children',
      CLIENTS_PORT: '4001',
      NODE_ENV: 'test',
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      LANG: 'C.UTF-8',
      LD_PRELOAD: '/usr/$LIB/faketime/libfaketime.so.1',
      FAKETIME: '+34560000',
      FAKETIME_SHARED: '/sem /shm',
    });
  });

  it('runs at the same time as the test run that spawned it', async () => {
    const child = spawnService('libs/shared/testing/src/bin/print-time.ts', {});
    await child.waitFor(/^now=\d+$/m);
    const printed = Number(/^now=(\d+)$/m.exec(child.output())![1]);
    await child.exited;
    expect(Math.abs(printed - Date.now())).toBeLessThan(60_000);
  });
});
