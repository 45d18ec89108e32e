import { DEMO_AUTH_SECRET } from './auth-secret';
import { PlatformConfig } from './platform.config';

/** The warning a process in demo mode prints at start-up; undefined outside demo mode. */
export function demoBanner(config: Pick<PlatformConfig, 'demo' | 'authSecret'>): string | undefined {
  if (!config.demo) return undefined;
  const what = config.authSecret === DEMO_AUTH_SECRET ? 'the demo signing secret is in use' : 'sign-in links are printed';
  return `\n*** DEMO MODE: ${what}; do not expose this to a network. ***\n`;
}
