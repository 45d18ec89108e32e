import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { filesUnder, read, ROOT } from './deploy-files';

const NATS_SERVER = '/usr/sbin/nats-server';
const configs = filesUnder('deploy', /\.conf$/).filter((file) => file.startsWith('deploy/nats/'));

/** The environment a config reads ($NAME), with a stand-in for each: the server refuses a config whose variable is unset. */
function standInEnvironment(file: string): Record<string, string> {
  const names = [...read(file).matchAll(/\$([A-Z][A-Z0-9_]*)/g)].map((match) => match[1]);
  const included = [...read(file).matchAll(/^include (\S+)/gm)].flatMap((match) => Object.keys(standInEnvironment(join('deploy/nats', match[1]))));
  return Object.fromEntries([...names, ...included].map((name) => [name, `stand-in-${name.toLowerCase()}`]));
}

/** The users of the GATEWAYS account with what each may publish, read from accounts.conf. */
function gatewayUsers(): { user: string; publish: string }[] {
  const gateways = read('deploy/nats/accounts.conf').split(/^\s*GATEWAYS \{/m)[1];
  return [...gateways.matchAll(/user: ([\w-]+),[^}]*?publish: \{ allow: \["([^"]+)"\] \}/gs)].map((match) => ({ user: match[1], publish: match[2] }));
}

describe('NATS configs in deploy/', () => {
  it('are found', () => {
    expect(configs).toEqual(['deploy/nats/accounts.conf', 'deploy/nats/nats-cluster.conf', 'deploy/nats/nats-server.conf']);
  });

  it.each(configs)('%s passes nats-server\'s own config test (-t)', (file) => {
    const output = execFileSync(NATS_SERVER, ['-t', '-c', join(ROOT, file)], {
      env: { PATH: process.env.PATH ?? '', POD_NAME: 'nats-0', ...standInEnvironment(file) },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(output).toBe('');
  });

  it('let each gateway publish only on its own subjects, gw.<family>.<gatewayId>.>', () => {
    const users = gatewayUsers();
    expect(users.length).toBeGreaterThanOrEqual(2);
    for (const { user, publish } of users) {
      const [, family, gatewayId] = /^(airwave|townlink)-(.+)$/.exec(user)!;
      expect(publish).toBe(`gw.${family}.${gatewayId}.>`);
    }
  });
});
