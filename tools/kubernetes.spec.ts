/**
 * The Kubernetes manifests (deploy/kustomize): the base and both overlays
 * render offline, every object is valid against the Kubernetes schemas, and
 * they say what docs/operations.md promises — probes, an unprivileged
 * read-only container, requests and limits, an autoscaler and a disruption
 * budget per service, the migration Job as the owner roles, Secrets only by
 * reference, and a network that lets only the gateway and each subgraph's
 * declared peers reach it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSubgraphConfig } from '@caseflow/federation';
import { SUBGRAPHS, SUBGRAPH_NAMES, SUPERGRAPH_FILE } from '@caseflow/platform';
import { loadPullSettings } from '@caseflow/resources';
import { environmentOf, type K8sObject, LAYOUTS, named, ofKind, podOf, render, settingNames, validate } from './lib/manifests';
import { ROOT } from './lib/local';

const SERVICES = ['gateway', ...SUBGRAPH_NAMES] as const;
const METRICS_PORTS: Record<string, number> = {
  gateway: 9400,
  clients: 9401,
  plans: 9402,
  referrals: 9403,
  resources: 9404,
  notifications: 9405,
};
const rendered = Object.fromEntries(LAYOUTS.map((layout) => [layout, render(layout)]));
const base = rendered.base.objects;
const containerOf = (objects: K8sObject[], kind: string, name: string) => podOf(named(objects, kind, name)).containers[0];

describe.each(LAYOUTS)('the manifests of %s', (layout) => {
  const { objects, text } = rendered[layout];

  it('are every one valid against the Kubernetes schemas (offline)', () => {
    const results = validate(objects);
    expect(results.length).toBe(objects.length);
    expect(results.filter((r) => r.errors.length)).toEqual([]);
  });

  it('have a Deployment, Service, HorizontalPodAutoscaler and PodDisruptionBudget per service, and the migration Job', () => {
    for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget'])
      expect(
        ofKind(objects, kind)
          .map((o) => o.metadata.name)
          .sort(),
      ).toEqual([...SERVICES].sort());
    for (const name of SERVICES) {
      expect(named(objects, 'HorizontalPodAutoscaler', name).spec.scaleTargetRef).toEqual({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name,
      });
      expect(named(objects, 'PodDisruptionBudget', name).spec.selector.matchLabels).toEqual(
        named(objects, 'Deployment', name).spec.selector.matchLabels,
      );
      expect(named(objects, 'Service', name).spec.selector).toEqual(named(objects, 'Deployment', name).spec.selector.matchLabels);
    }
    expect(ofKind(objects, 'Job').map((o) => o.metadata.name)).toEqual(['caseflow-migrate']);
  });

  it('probe readiness on /ready and liveness on /health of each service, on its http port', () => {
    for (const name of SERVICES) {
      const container = containerOf(objects, 'Deployment', name);
      expect(container.readinessProbe.httpGet).toEqual({ path: '/ready', port: 'http' });
      expect(container.livenessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
      expect(container.ports).toContainEqual({ name: 'http', containerPort: 8080 });
    }
  });

  it('run every container unprivileged, on a read-only root filesystem, with requests and limits', () => {
    for (const workload of [...ofKind(objects, 'Deployment'), ...ofKind(objects, 'Job')]) {
      const pod = podOf(workload);
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
      expect(pod.automountServiceAccountToken).toBe(false);
      for (const container of pod.containers) {
        expect(container.securityContext).toEqual({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        for (const kind of ['requests', 'limits']) expect(Object.keys(container.resources[kind]).sort()).toEqual(['cpu', 'memory']);
        // The only writable place is a memory-backed /tmp.
        const tmp = container.volumeMounts.find((m: K8sObject) => m.mountPath === '/tmp');
        expect(pod.volumes.find((v: K8sObject) => v.name === tmp.name).emptyDir).toMatchObject({ medium: 'Memory' });
      }
    }
  });

  it('run the one image, the service named as its argument', () => {
    const images = new Set([...ofKind(objects, 'Deployment'), ...ofKind(objects, 'Job')].map((w) => podOf(w).containers[0].image));
    expect(images.size).toBe(1);
    for (const name of SERVICES) expect(containerOf(objects, 'Deployment', name).args).toEqual([name]);
    expect(containerOf(objects, 'Job', 'caseflow-migrate').args).toEqual(['migrate']);
  });

  it('declare each metrics port, named metrics, with the Prometheus scrape annotations and METRICS_PORT', () => {
    for (const name of SERVICES) {
      const deployment = named(objects, 'Deployment', name);
      const container = podOf(deployment).containers[0];
      const port = METRICS_PORTS[name];
      expect(container.ports).toContainEqual({ name: 'metrics', containerPort: port });
      expect(environmentOf(container, objects).METRICS_PORT).toBe(String(port));
      expect(deployment.spec.template.metadata.annotations).toMatchObject({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(port),
        'prometheus.io/path': '/metrics',
      });
    }
  });

  it('hold no Secret and no secret value: the keys and database URLs are references to Secrets the operator creates', () => {
    expect(ofKind(objects, 'Secret')).toEqual([]);
    expect(text).not.toMatch(/postgres(ql)?:\/\/[^\s'"]*@/);
    for (const workload of [...ofKind(objects, 'Deployment'), ...ofKind(objects, 'Job')])
      for (const e of podOf(workload).containers[0].env)
        if (/SECRET|DATABASE_URL|PASSWORD|PRIVATE|TOKEN/.test(e.name))
          expect({ [e.name]: e.valueFrom?.secretKeyRef?.name }).toEqual({ [e.name]: expect.stringMatching(/^caseflow-/) });
    for (const configMap of ofKind(objects, 'ConfigMap'))
      for (const key of Object.keys(configMap.data)) expect(key).not.toMatch(/SECRET|PASSWORD|PRIVATE|DATABASE_URL/);
  });

  it('let only the gateway reach the subgraphs, and each subgraph only the peers it declares; deny everything else', () => {
    const deny = named(objects, 'NetworkPolicy', 'caseflow-default-deny');
    expect(deny.spec).toEqual({ podSelector: { matchLabels: { 'app.kubernetes.io/part-of': 'caseflow' } }, policyTypes: ['Ingress'] });
    for (const workload of [...ofKind(objects, 'Deployment'), ...ofKind(objects, 'Job')])
      expect(workload.spec.template.metadata.labels['app.kubernetes.io/part-of']).toBe('caseflow');

    const reaching: Record<string, string[]> = {};
    for (const name of SUBGRAPH_NAMES) {
      const policy = named(objects, 'NetworkPolicy', name);
      expect(policy.spec.podSelector).toEqual({ matchLabels: { 'app.kubernetes.io/name': name } });
      const http = policy.spec.ingress.filter((rule: K8sObject) => rule.ports.some((p: K8sObject) => p.port === 'http'));
      expect(http.every((rule: K8sObject) => rule.from?.every((f: K8sObject) => f.podSelector && !f.namespaceSelector))).toBe(true);
      reaching[name] = http
        .flatMap((rule: K8sObject) => rule.from.map((f: K8sObject) => f.podSelector.matchLabels['app.kubernetes.io/name']))
        .sort();
    }
    const declared = Object.fromEntries(
      SUBGRAPH_NAMES.map((target) => [
        target,
        ['gateway', ...SUBGRAPH_NAMES.filter((from) => Object.keys(SUBGRAPHS[from].peers ?? {}).includes(target))].sort(),
      ]),
    );
    expect(reaching).toEqual(declared);
    // Callers reach the gateway's http port; Prometheus (namespace monitoring) only the metrics ports.
    const gateway = named(objects, 'NetworkPolicy', 'gateway').spec.ingress;
    expect(gateway).toContainEqual({ ports: [{ port: 'http' }] });
    for (const policy of ofKind(objects, 'NetworkPolicy').filter((p) => p.spec.ingress))
      for (const rule of policy.spec.ingress.filter((r: K8sObject) => r.ports.some((p: K8sObject) => p.port === 'metrics')))
        expect(rule).toEqual({
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
          ports: [{ port: 'metrics' }],
        });
  });

  it("give each subgraph a complete production configuration: its runtime role's URL, the internal secret, its peers' Services", () => {
    for (const name of SUBGRAPH_NAMES) {
      const env = environmentOf(containerOf(objects, 'Deployment', name), objects);
      const config = loadSubgraphConfig(SUBGRAPHS[name], 0, {
        ...env,
        [`${name.toUpperCase()}_DATABASE_URL`]: 'postgres://runtime@db.invalid/caseflow',
        EVENTS_DATABASE_URL: 'postgres://events@db.invalid/caseflow',
      });
      expect(config.settings).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0', PORT: 8080 });
      expect(env[`${name.toUpperCase()}_DATABASE_URL`]).toBe(`secret:caseflow-${name}-db/url`);
      expect(env.INTERNAL_TOKEN_SECRET).toBe('secret:caseflow-internal/internal-token-secret');
      expect(env.EVENTS_DATABASE_URL).toBe('secret:caseflow-events-db/url');
      // Never the owner role: only the migration Job migrates.
      expect(Object.values(env)).not.toContain(`secret:caseflow-${name}-db/migration-url`);
      expect(config.peerUrls).toEqual(Object.fromEntries(Object.keys(SUBGRAPHS[name].peers ?? {}).map((p) => [p, `http://${p}:8080`])));
      const source = readFileSync(join(ROOT, 'libs/shared/federation/src/process.ts'), 'utf8');
      const own: Record<string, string> = { PORT: `${name.toUpperCase()}_PORT`, DATABASE_URL: `${name.toUpperCase()}_DATABASE_URL` };
      const expected = settingNames(source).map((s) => own[s] ?? s);
      expect(expected).toEqual(expect.arrayContaining([`${name.toUpperCase()}_PORT`, 'INTERNAL_TOKEN_SECRET', 'DB_POOL_MAX']));
      expect(expected.filter((s) => !(s in env))).toEqual([]);
    }
  });

  it('give the resources subgraph the settings of its scheduled HSDS pull, off', () => {
    const env = environmentOf(containerOf(objects, 'Deployment', 'resources'), objects);
    const read = settingNames(readFileSync(join(ROOT, 'libs/resources/src/hsds/pull/pull.settings.ts'), 'utf8'));
    expect(read).toEqual(['HSDS_PULL_SOURCES', 'HSDS_PULL_INTERVAL_MS']);
    expect(read.filter((s) => !(s in env))).toEqual([]);
    expect(loadPullSettings(env)).toEqual({ sources: [], intervalMs: 0 });
  });

  it('give the gateway every setting it reads, the identity provider and the supergraph ConfigMap at SUPERGRAPH_FILE', () => {
    const deployment = named(objects, 'Deployment', 'gateway');
    const env = environmentOf(podOf(deployment).containers[0], objects);
    const read = settingNames(readFileSync(join(ROOT, 'libs/gateway/src/config.ts'), 'utf8'));
    expect(read).toEqual(expect.arrayContaining(['GATEWAY_PORT', 'INTERNAL_TOKEN_SECRET', 'MAX_QUERY_COST']));
    expect(read.filter((s) => !(s in env))).toEqual([]);
    expect(env.AUTH_PUBLIC_KEY_FILE).toBeUndefined(); // the development issuer is refused in production
    expect(env).toMatchObject({ NODE_ENV: 'production', AUTH_JWKS_URL: expect.stringMatching(/^https:\/\//) });
    for (const name of SUBGRAPH_NAMES) expect(env[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:8080`);
    const mount = podOf(deployment).containers[0].volumeMounts.find((m: K8sObject) => env.SUPERGRAPH_FILE.startsWith(`${m.mountPath}/`));
    const volume = podOf(deployment).volumes.find((v: K8sObject) => v.name === mount.name);
    const configMap = named(objects, 'ConfigMap', volume.configMap.name);
    expect(configMap.metadata.name).toMatch(/^caseflow-supergraph-[a-z0-9]+$/); // hashed: a new supergraph rolls the gateway
    expect(configMap.data[env.SUPERGRAPH_FILE.slice(mount.mountPath.length + 1)]).toBe(readFileSync(SUPERGRAPH_FILE, 'utf8'));
  });

  it("run the migration Job as each subgraph's owner role, granting its runtime role, and install the events queue as its role", () => {
    const env = environmentOf(containerOf(objects, 'Job', 'caseflow-migrate'), objects);
    const expected = Object.fromEntries(
      SUBGRAPH_NAMES.flatMap((name) => [
        [`${name.toUpperCase()}_MIGRATION_DATABASE_URL`, `secret:caseflow-${name}-db/migration-url`],
        [`${name.toUpperCase()}_DATABASE_URL`, `secret:caseflow-${name}-db/url`],
      ]),
    );
    expect(env).toEqual({ ...expected, EVENTS_DATABASE_URL: 'secret:caseflow-events-db/url' });
    expect(named(objects, 'Job', 'caseflow-migrate').spec.template.spec.restartPolicy).toBe('Never');
  });
});

describe('the overlays', () => {
  const small = rendered['overlays/small'].objects;
  const large = rendered['overlays/large'].objects;
  const cpuMillis = (value: string) => (value.endsWith('m') ? Number(value.slice(0, -1)) : Number(value) * 1000);

  it('put everything in the caseflow namespace', () => {
    for (const objects of [small, large]) expect(new Set(objects.map((o) => o.metadata.namespace))).toEqual(new Set(['caseflow']));
  });

  it('size a small agency at two replicas (up to three) and a large one at three (up to twelve, the gateway sixteen) with more CPU and memory', () => {
    for (const name of SERVICES) {
      expect(named(small, 'Deployment', name).spec.replicas).toBe(2);
      expect(named(large, 'Deployment', name).spec.replicas).toBe(3);
      expect(named(small, 'HorizontalPodAutoscaler', name).spec).toMatchObject({ minReplicas: 2, maxReplicas: 3 });
      expect(named(large, 'HorizontalPodAutoscaler', name).spec).toMatchObject({
        minReplicas: 3,
        maxReplicas: name === 'gateway' ? 16 : 12,
      });
      expect(named(small, 'PodDisruptionBudget', name).spec.minAvailable).toBe(1);
      expect(named(large, 'PodDisruptionBudget', name).spec.minAvailable).toBe(2);
      const [s, l] = [containerOf(small, 'Deployment', name).resources, containerOf(large, 'Deployment', name).resources];
      expect(cpuMillis(l.requests.cpu)).toBeGreaterThan(cpuMillis(s.requests.cpu));
      expect(cpuMillis(l.limits.cpu)).toBeGreaterThan(cpuMillis(s.limits.cpu));
    }
  });

  it('change nothing else of the base but the namespace, sizes and autoscaling', () => {
    const strip = (objects: K8sObject[]) =>
      JSON.stringify(
        objects.map((o) => {
          const { namespace: _namespace, ...metadata } = o.metadata;
          const copy = JSON.parse(JSON.stringify({ ...o, metadata }));
          if (copy.spec?.replicas !== undefined) delete copy.spec.replicas;
          if (copy.kind === 'HorizontalPodAutoscaler') {
            delete copy.spec.minReplicas;
            delete copy.spec.maxReplicas;
          }
          if (copy.kind === 'PodDisruptionBudget') delete copy.spec.minAvailable;
          if (copy.kind === 'Deployment') delete copy.spec.template.spec.containers[0].resources;
          return copy;
        }),
      );
    expect(strip(small)).toBe(strip(base));
    expect(strip(large)).toBe(strip(base));
  });
});
