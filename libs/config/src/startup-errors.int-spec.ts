import { connectToNats } from '@vigil/bus';
import { ensureDatabaseAndSchema } from '@vigil/db';
import { ChildApp } from '@vigil/testing';
import { loadPlatformConfig } from './platform.config';

// What an engineer sees when a dependency is missing: one clear sentence with the way to fix it.
describe('start-up errors', () => {
  it('names the NATS URL and how to start NATS', async () => {
    await expect(connectToNats('nats://127.0.0.1:1', 'probe')).rejects.toThrow(
      /^NATS not reachable at nats:\/\/127\.0\.0\.1:1 .*start-stop-daemon --start .*nats-server .*-js/,
    );
  });

  it('names the Postgres host and how to start Postgres', async () => {
    await expect(ensureDatabaseAndSchema('postgres://postgres@127.0.0.1:1/vigil', 'x')).rejects.toThrow(
      /^Postgres not reachable at 127\.0\.0\.1:1 .*pg_ctlcluster/,
    );
  });

  it('lists every invalid setting at once', () => {
    expect(() => loadPlatformConfig({ VIGIL_DATABASE_URL: 'not a url', VIGIL_AUTH_SECRET: 'short', VIGIL_BUS_NAMESPACE: 'Bad.NS' })).toThrow(
      /VIGIL_DATABASE_URL: .*\n.*VIGIL_AUTH_SECRET: must be at least 16 characters/s,
    );
  });

  it('makes an app process exit non-zero with that message once its start-up wait is over', async () => {
    const triage = new ChildApp('triage', {
      VIGIL_NATS_URL: 'nats://127.0.0.1:1',
      VIGIL_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/vigil_unused',
      VIGIL_STARTUP_WAIT_SECONDS: '0',
    });
    await expect(triage.start()).rejects.toThrow(/exited with 1 before listening:[\s\S]*Vigil failed to start: NATS not reachable at nats:\/\/127\.0\.0\.1:1/);
  });
});
