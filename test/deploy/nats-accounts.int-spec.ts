import { ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, NatsConnection } from 'nats';
import { BusNamespace, provisionStreams, STREAMS } from '@vigil/bus';
import { SUBJECTS } from '@vigil/contracts';
import { eventually } from '@vigil/testing';
import { ROOT } from './deploy-files';

const PASSWORDS = {
  VIGIL_SERVICES_NATS_PASSWORD: 'services-password',
  AIRWAVE_GATEWAY_NATS_PASSWORD: 'airwave-password',
  TOWNLINK_GATEWAY_NATS_PASSWORD: 'townlink-password',
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** deploy/nats/accounts.conf as it is, on a private nats-server with JetStream in a temporary directory. */
describe('NATS accounts (deploy/nats/accounts.conf) on a real server', () => {
  let dir: string;
  let server: ChildProcess;
  let url: string;
  let services: NatsConnection;
  const connections: NatsConnection[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-nats-accounts-'));
    copyFileSync(join(ROOT, 'deploy/nats/accounts.conf'), join(dir, 'accounts.conf'));
    const port = await freePort();
    url = `nats://127.0.0.1:${port}`;
    writeFileSync(join(dir, 'server.conf'), `host: 127.0.0.1\nport: ${port}\njetstream { store_dir: "${dir}/js" }\ninclude accounts.conf\n`);
    server = spawn('/usr/sbin/nats-server', ['-c', join(dir, 'server.conf')], { env: { ...PASSWORDS }, stdio: 'ignore' });
    services = await eventually(() => connect({ servers: url, user: 'vigil-services', pass: PASSWORDS.VIGIL_SERVICES_NATS_PASSWORD }));
    connections.push(services);
    await provisionStreams(await services.jetstreamManager(), new BusNamespace(''), [STREAMS.gateway, STREAMS.notifications]);
  });

  afterAll(async () => {
    await Promise.all(connections.map((nc) => nc.close()));
    server?.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode === null ? server.once('exit', resolve) : resolve(undefined)));
    rmSync(dir, { recursive: true, force: true });
  });

  async function gateway(user: string, pass: string): Promise<NatsConnection> {
    const nc = await connect({ servers: url, user, pass });
    connections.push(nc);
    return nc;
  }

  it('stores a gateway\'s own message in the GATEWAY stream and acknowledges it', async () => {
    const nc = await gateway('airwave-gw-herts-1', PASSWORDS.AIRWAVE_GATEWAY_NATS_PASSWORD);
    const ack = await nc.jetstream().publish(SUBJECTS.airwave.sds('gw-herts-1'), new TextEncoder().encode('{}'), { msgID: 'gw-herts-1:m-1' });
    expect(ack.stream).toBe(STREAMS.gateway.name);
    const stored = await (await services.jetstreamManager()).streams.getMessage(STREAMS.gateway.name, { seq: ack.seq });
    expect(stored.subject).toBe('gw.airwave.gw-herts-1.sds');
  });

  it.each([
    ['another gateway', SUBJECTS.airwave.sds('gw-herts-2')],
    ['another family', SUBJECTS.townlink.all.replace('>', 'gw-herts-1.alert')],
    ['a Vigil subject', SUBJECTS.calls.replace('>', 'forged')],
    ["a notification to the police's consoles", SUBJECTS.notification('police')],
  ])('refuses a gateway publishing as %s', async (_, subject) => {
    const nc = await gateway('airwave-gw-herts-1', PASSWORDS.AIRWAVE_GATEWAY_NATS_PASSWORD);
    await expect(nc.jetstream().publish(subject, new TextEncoder().encode('{}'), { timeout: 2_000 })).rejects.toThrow(/permission/i);
  });

  it("stores what notify publishes on notification.> in NOTIFICATIONS, where the dashboard (the same services user) reads it", async () => {
    const ack = await services.jetstream().publish(SUBJECTS.notification('partner.north-herts'), new TextEncoder().encode('{}'), { msgID: 'd-1' });
    expect(ack.stream).toBe(STREAMS.notifications.name);
    const stored = await (await services.jetstreamManager()).streams.getMessage(STREAMS.notifications.name, { seq: ack.seq });
    expect(stored.subject).toBe('notification.partner.north-herts');
  });

  it('gives a gateway no JetStream API: it cannot read, purge or delete a stream', async () => {
    const nc = await gateway('townlink-gw-herts-1', PASSWORDS.TOWNLINK_GATEWAY_NATS_PASSWORD);
    await expect(nc.jetstreamManager({ timeout: 2_000 })).rejects.toThrow(/Permissions Violation for Publish to "\$JS\.API/);
  });

  it('refuses a wrong password', async () => {
    await expect(connect({ servers: url, user: 'airwave-gw-herts-1', pass: 'guessed' })).rejects.toThrow(/authorization/i);
  });
});
