/**
 * A real OpenID provider (panva's oidc-provider, OpenID certified) on a loopback port, with its
 * built-in login and consent pages, in its own process: it is ESM only and cannot load inside jest.
 * Started by {@link startTestOpenIdProvider}; argv[2] is its JSON settings; prints its issuer once listening.
 */
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';

interface Settings {
  redirectUri: string;
  clientId: string;
  clientSecret: string;
  idTokenSeconds: number;
  accounts: Record<string, { groups: string[] }>;
}

async function main(): Promise<void> {
  const settings = JSON.parse(process.argv[2]) as Settings;
  const { default: Provider } = await import('oidc-provider');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { accounts } = settings;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: settings.clientId,
        client_secret: settings.clientSecret,
        redirect_uris: [settings.redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    scopes: ['openid', 'profile', 'groups'],
    // Groups reach Vigil from userinfo (scope `groups`), as many providers send them unless the ID token is asked for them.
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'], groups: ['groups'] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    ttl: { IdToken: settings.idTokenSeconds },
    cookies: { keys: ['test-provider-cookie-key-0123456789'] },
    findAccount: (_ctx: unknown, id: string) =>
      accounts[id] && { accountId: id, claims: () => ({ sub: id, preferred_username: id, name: id, groups: accounts[id].groups }) },
  });
  server.on('request', provider.callback());
  process.stdout.write(`openid provider listening ${issuer}\n`);
  process.once('SIGTERM', () => {
    server.close();
    server.closeAllConnections();
  });
}

main().catch((error: Error) => {
  process.stderr.write(`test openid provider failed: ${error.stack}\n`);
  process.exit(1);
});
