import { ChildApp, createTestEnvironment, eventually, TcpProxy, TestEnvironment } from '@vigil/testing';

// A control room's machines come up in any order after a power cut: an app waits for NATS and
// Postgres, saying where it is looking, and starts once they answer.
describe('start-up with NATS and Postgres not there yet', () => {
  let env: TestEnvironment;
  let nats: TcpProxy;
  let postgres: TcpProxy;
  let triage: ChildApp | undefined;

  beforeAll(async () => {
    env = await createTestEnvironment('startwait');
    // Streams outlive a power cut; only NATS and Postgres themselves are late here.
    await env.provisionStreams();
    nats = await TcpProxy.reserve(4222);
    postgres = await TcpProxy.reserve(5432);
  });

  afterAll(async () => {
    await triage?.stop();
    await nats?.cut();
    await postgres?.cut();
    await env?.dispose();
  });

  function linesMatching(pattern: RegExp): string[] {
    return triage!.output.join('').split('\n').filter((line) => pattern.test(line));
  }

  it('waits for each with a repeated line naming host:port only, then comes up and listens', async () => {
    const databaseUrl = postgres.url(env.databaseUrl).replace('postgres@', 'postgres:not-for-logs@');
    triage = new ChildApp('triage', { ...env.env, VIGIL_NATS_URL: nats.url(env.natsUrl), VIGIL_DATABASE_URL: databaseUrl });
    const started = triage.start().then(
      () => undefined,
      (error: Error) => error,
    );

    const natsWait = new RegExp(`waiting for NATS at 127\\.0\\.0\\.1:${nats.port} \\(.+\\); retrying in \\d+ s`);
    await eventually(() => expect(linesMatching(natsWait).length).toBeGreaterThanOrEqual(2), { timeoutMs: 15_000 });
    await nats.open();

    const postgresWait = new RegExp(`waiting for Postgres at 127\\.0\\.0\\.1:${postgres.port} \\(.*ECONNREFUSED.*\\); retrying in \\d+ s`);
    await eventually(() => expect(linesMatching(postgresWait).length).toBeGreaterThanOrEqual(2), { timeoutMs: 15_000 });
    await postgres.open();

    expect(await started).toBeUndefined();
    expect(triage.output.join('')).not.toContain('not-for-logs');
  });
});
