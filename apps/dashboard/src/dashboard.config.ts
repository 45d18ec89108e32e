import { z } from 'zod';
import { loadHttpPort, loadPlatformConfig, parseConfig, PlatformConfig } from '@vigil/config';
import { ApiOwnerUrls } from './api-owners';
import { loadSignInConfig, SignInConfig } from './sign-in/sign-in.config';

/** Settings of the dashboard when it runs as its own process. */
export interface DashboardConfig {
  platform: PlatformConfig;
  httpPort: number;
  /** OpenID Connect sign-in; absent when only issued tokens are accepted. */
  signIn?: SignInConfig;
  /** Where the page's `/api/...` calls are forwarded to; unset when one process runs every app. */
  apiOwners: ApiOwnerUrls;
}

const ownersSchema = z.object({
  VIGIL_INGEST_URL: z.url({ protocol: /^https?$/ }).optional(),
  VIGIL_TRIAGE_URL: z.url({ protocol: /^https?$/ }).optional(),
});

/** Parses the dashboard's environment once, at start-up. */
export function loadDashboardConfig(env: Record<string, string | undefined> = process.env): DashboardConfig {
  const owners = parseConfig(ownersSchema, env);
  return {
    platform: loadPlatformConfig(env),
    httpPort: loadHttpPort(env, 'VIGIL_DASHBOARD_PORT', 3000),
    signIn: loadSignInConfig(env),
    apiOwners: { ingest: owners.VIGIL_INGEST_URL, triage: owners.VIGIL_TRIAGE_URL },
  };
}
