import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createTestEnvironment, TestEnvironment } from '@vigil/testing';

const MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'embedded', 'src', 'main.js');

/** Runs `npm start`'s process until it has printed what it prints for a person, then stops it. */
async function startupOutput(env: Record<string, string>): Promise<string> {
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env, VIGIL_HTTP_PORT: '0', VIGIL_DEMO_INTERVAL_MS: '60000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (/Health: http/.test(output)) resolve();
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.once('exit', (code) => reject(new Error(`vigil exited with ${code}:\n${output}`)));
    });
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  return output;
}

describe('what npm start prints', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await createTestEnvironment('demomode');
  });

  afterAll(async () => {
    await env?.dispose();
  });

  it('outside demo mode: where the dashboard is, but no sign-in link, token or demo banner', async () => {
    const output = await startupOutput(env.env);
    expect(output).toMatch(/Dashboard: http:\/\/localhost:\d+\/ /);
    expect(output).not.toMatch(/token=|eyJ/);
    expect(output).not.toContain('DEMO MODE');
  });

  it('in demo mode without a secret: the demo banner, then the sign-in links', async () => {
    const { VIGIL_AUTH_SECRET: _ownSecret, ...withoutSecret } = env.env;
    const output = await startupOutput({ ...withoutSecret, VIGIL_DEMO: 'on' });
    expect(output).toContain('DEMO MODE: the demo signing secret is in use; do not expose this to a network');
    expect(output).toMatch(/Dashboard: http:\/\/localhost:\d+\/\?token=eyJ/);
    expect(output.indexOf('DEMO MODE')).toBeLessThan(output.indexOf('Dashboard:'));
  });
});
