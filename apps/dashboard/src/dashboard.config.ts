import { loadHttpPort, loadPlatformConfig, PlatformConfig } from '@vigil/config';
import { loadSignInConfig, SignInConfig } from './sign-in/sign-in.config';

/** Settings of the dashboard when it runs as its own process. */
export interface DashboardConfig {
  platform: PlatformConfig;
  httpPort: number;
  /** OpenID Connect sign-in; absent when only issued tokens are accepted. */
  signIn?: SignInConfig;
}

/** Parses the dashboard's environment once, at start-up. */
export function loadDashboardConfig(env: Record<string, string | undefined> = process.env): DashboardConfig {
  return { platform: loadPlatformConfig(env), httpPort: loadHttpPort(env, 'VIGIL_DASHBOARD_PORT', 3000), signIn: loadSignInConfig(env) };
}
