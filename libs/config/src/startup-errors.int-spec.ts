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
      /VIGIL_DATABASE_URL: .*\n.*VIGIL_AUTH_SECRET: is 5 characters, too short/s,
    );
  });

  it('makes an app process exit non-zero with that message once its start-up wait is over', async () => {
    const triage = new ChildApp('triage', {
      VIGIL_NATS_URL: 'nats://vigil:s3cret@127.0.0.1:1',
      VIGIL_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/vigil_unused',
      VIGIL_AUTH_SECRET: 'a-secret-of-32-or-more-characters-for-this-test',
      VIGIL_STARTUP_WAIT_SECONDS: '0',
    });
    const failure = triage.start();
    await expect(failure).rejects.toThrow(/exited with 1 before listening:[\s\S]*Vigil failed to start: NATS not reachable at nats:\/\/\*\*\*@127\.0\.0\.1:1/);
    await expect(failure).rejects.not.toThrow(/s3cret/);
  });

  it('stops an app outside demo mode without a signing secret, saying what to set', async () => {
    const triage = new ChildApp('triage', {});
    try {
      await expect(triage.start()).rejects.toThrow(
        /exited with 1 before listening:[\s\S]*Vigil failed to start: [\s\S]*VIGIL_AUTH_SECRET: not set, and Vigil is not in demo mode \(VIGIL_DEMO=on\): .*openssl rand -base64 48/,
      );
    } finally {
      await triage.kill();
    }
  });
});
