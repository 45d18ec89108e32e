import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A person known to the test identity provider, with the groups it asserts for them. */
export interface TestAccount {
  groups: string[];
}

/** The running test OpenID provider and its one confidential client. */
export interface TestOpenIdProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/** ID tokens it issues live this long, so tests can check that a Vigil session does not outlive one. */
export const TEST_ID_TOKEN_SECONDS = 600;

/** Starts oidc-provider as its own process (from dist/) with one client whose only redirect URI is `redirectUri`; any password works. */
export async function startTestOpenIdProvider(redirectUri: string, accounts: Record<string, TestAccount>): Promise<TestOpenIdProvider> {
  // From jest this file is TypeScript beside its source; from a built script it is already in dist/.
  const main = __filename.endsWith('.js') ? join(__dirname, 'openid-provider.process.js') : join(__dirname, '..', '..', 'dist', 'test', 'support', 'openid-provider.process.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run "npm run build" first (npm test does)`);
  const clientId = 'vigil-dashboard';
  const clientSecret = 'test-client-secret-0123456789';
  const settings = { redirectUri, clientId, clientSecret, idTokenSeconds: TEST_ID_TOKEN_SECONDS, accounts };
  const child = spawn(process.execPath, [main, JSON.stringify(settings)], { env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const issuer = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /openid provider listening (\S+)/.exec(output);
      if (listening) resolve(listening[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`test openid provider exited with ${code}:\n${output}`)));
  });
  return {
    issuer,
    clientId,
    clientSecret,
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
