import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder, K8sObject, read, ROOT, yamlDocuments } from './deploy-files';

/** The apps that run as their own process, and the HTTP port each listens on by default, read from their config. */
function appsAndPorts(): Map<string, { variable: string; port: number }> {
  const apps = new Map<string, { variable: string; port: number }>();
  for (const file of filesUnder('apps', /\.config\.ts$/)) {
    const match = /loadHttpPort\(env, '(VIGIL_\w+_PORT)', (\d+)\)/.exec(read(file));
    if (match) apps.set(file.split('/')[1], { variable: match[1], port: Number(match[2]) });
  }
  return apps;
}

/** The path prefixes each app serves, read from its controllers (and socket.io gateways) so a new one fails this test until it is routed. */
function ownedPaths(app: string): string[] {
  const paths: string[] = [];
  for (const file of filesUnder(join('apps', app, 'src'), /\.(controller|gateway)\.ts$/)) {
    const text = read(file);
    for (const match of text.matchAll(/@Controller\((?:'([^']*)')?\)/g)) paths.push(`/${match[1] ?? ''}`);
    if (/@WebSocketGateway\(/.test(text)) paths.push('/socket.io');
  }
  return paths;
}

function dc09DefaultPorts(): { tcp: number; udp: number } {
  const text = read('apps/ingest/src/ingest.config.ts');
  const port = (name: string) => Number(new RegExp(`${name}: port\\.default\\((\\d+)\\)`).exec(text)![1]);
  return { tcp: port('VIGIL_DC09_TCP_PORT'), udp: port('VIGIL_DC09_UDP_PORT') };
}

const kustomization = yamlDocuments('deploy/kustomization.yaml')[0] as { resources: string[]; configMapGenerator: { files: string[] }[] };
const objects = kustomization.resources.flatMap((file) => yamlDocuments(join('deploy', file)) as K8sObject[]);
const find = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);
const apps = appsAndPorts();

describe('deploy/', () => {
  it('holds only YAML that parses', () => {
    const files = filesUnder('deploy', /\.ya?ml$/);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(() => yamlDocuments(file)).not.toThrow();
  });

  it('lists every Kubernetes manifest in the kustomization, and every file it names exists', () => {
    expect(kustomization.resources.map((file) => join('deploy', file)).sort()).toEqual(filesUnder('deploy/k8s', /\.ya?ml$/));
    for (const file of kustomization.configMapGenerator.flatMap((generator) => generator.files)) {
      expect(existsSync(join(ROOT, 'deploy', file))).toBe(true);
    }
  });
});

describe('Kubernetes manifests', () => {
  it('finds the apps from their config files', () => {
    expect([...apps.keys()].sort()).toEqual(['dashboard', 'faults', 'ingest', 'notify', 'triage']);
  });

  it.each([...apps.keys()])('run %s as a Deployment on its port, with health probes, resources and its secrets', (app) => {
    const { variable, port } = apps.get(app)!;
    const deployment = find('Deployment', app);
    expect(deployment).toBeDefined();
    const container = deployment!.spec.template.spec.containers[0];
    expect(container.command).toEqual(['node', `dist/apps/${app}/src/main.js`]);
    expect(container.env).toContainEqual({ name: variable, value: String(port) });
    expect(container.ports).toContainEqual({ name: 'http', containerPort: port });
    for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
      expect(container[probe].httpGet.path).toMatch(/^\/health(\/|$)/);
      expect(container[probe].httpGet.port).toBe('http');
    }
    expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(container.resources.requests).toBeDefined();
    expect(container.envFrom).toContainEqual({ secretRef: { name: 'vigil-secrets' } });
    expect(container.envFrom).toContainEqual({ configMapRef: { name: 'vigil-config' } });
    expect(deployment!.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': app });
    expect(deployment!.spec.template.metadata.labels).toMatchObject({ 'app.kubernetes.io/name': app });
  });

  it.each([...apps.keys()])('give %s a Service on its HTTP port', (app) => {
    const service = find('Service', app);
    expect(service?.spec.selector).toEqual({ 'app.kubernetes.io/name': app });
    expect(service?.spec.ports).toContainEqual({ name: 'http', port: apps.get(app)!.port, targetPort: 'http' });
  });

  it('run ingest and triage with at least two replicas', () => {
    expect(find('Deployment', 'ingest')!.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(find('Deployment', 'triage')!.spec.replicas).toBeGreaterThanOrEqual(2);
  });

  it('expose the DC-09 receiver over TCP and UDP on the ports ingest listens on', () => {
    const { tcp, udp } = dc09DefaultPorts();
    const service = objects.find((o) => o.kind === 'Service' && o.spec.type === 'LoadBalancer');
    expect(service?.spec.selector).toEqual({ 'app.kubernetes.io/name': 'ingest' });
    const containerPorts = find('Deployment', 'ingest')!.spec.template.spec.containers[0].ports as { name: string; containerPort: number; protocol?: string }[];
    for (const [protocol, port] of [['TCP', tcp], ['UDP', udp]] as const) {
      const exposed = service!.spec.ports.find((p: { protocol: string }) => p.protocol === protocol);
      expect(exposed).toMatchObject({ port });
      expect(containerPorts).toContainEqual({ name: exposed.targetPort, containerPort: port, protocol });
    }
  });

  it.each([...apps.keys()].flatMap((app) => ownedPaths(app).map((path) => [path, app])))(
    'route %s to %s, the app that serves it',
    (path, app) => {
      const routes = objects
        .filter((o) => o.kind === 'Ingress')
        .flatMap((ingress) => ingress.spec.rules.flatMap((rule: { http: { paths: unknown[] } }) => rule.http.paths)) as {
        path: string;
        backend: { service: { name: string; port: { name: string } } };
      }[];
      expect(routes.filter((route) => route.path === path).map((route) => route.backend.service)).toEqual([{ name: app, port: { name: 'http' } }]);
    },
  );

  it('keep a dashboard client on one replica (socket.io sessions are per process)', () => {
    const ingress = objects.find((o) => o.kind === 'Ingress' && o.spec.rules[0].http.paths.some((p: { path: string }) => p.path === '/socket.io'));
    expect(ingress?.metadata.annotations?.['nginx.ingress.kubernetes.io/affinity']).toBe('cookie');
  });

  it('run NATS as three JetStream servers, and Vigil with three copies of every stream', () => {
    const nats = find('StatefulSet', 'nats')!;
    expect(nats.spec.replicas).toBe(3);
    expect(nats.spec.template.spec.containers[0].args).toEqual(['-c', '/etc/nats/nats-cluster.conf']);
    expect(kustomization.configMapGenerator[0].files).toEqual(['nats/nats-cluster.conf', 'nats/accounts.conf']);
    expect(find('ConfigMap', 'vigil-config')!.data!.VIGIL_STREAM_REPLICAS).toBe('3');
    const routes = read('deploy/nats/nats-cluster.conf').match(/nats-route:\/\/[^\s]+/g);
    expect(routes).toEqual([0, 1, 2].map((n) => `nats-route://nats-${n}.${nats.spec.serviceName}:6222`));
  });

  it('give the apps every NATS server to fail over between', () => {
    const url = find('Secret', 'vigil-secrets')!.stringData!.VIGIL_NATS_URL;
    expect(url.split(',').map((server) => new URL(server).host)).toEqual([0, 1, 2].map((n) => `nats-${n}.nats-headless:4222`));
  });
});
