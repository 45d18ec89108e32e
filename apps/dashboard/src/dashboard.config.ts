import { z } from 'zod';
import { loadHttpPort, loadPlatformConfig, parseConfig, PlatformConfig } from '@vigil/config';
import { ApiOwnerUrls } from './api-owners';
import { DashboardOptions, DEFAULT_REPLAY_LIMIT } from './dashboard.options';
import { loadSignInConfig, SignInConfig } from './sign-in/sign-in.config';

/** Settings of the dashboard when it runs as its own process. */
export interface DashboardConfig {
  platform: PlatformConfig;
  httpPort: number;
  /** OpenID Connect sign-in; absent when only issued tokens are accepted. */
  signIn?: SignInConfig;
  /** Where the page's `/api/...` calls are forwarded to; unset when one process runs every app. */
  apiOwners: ApiOwnerUrls;
  feed: DashboardOptions;
}

const ownersSchema = z.object({
  VIGIL_INGEST_URL: z.url({ protocol: /^https?$/ }).optional(),
  VIGIL_TRIAGE_URL: z.url({ protocol: /^https?$/ }).optional(),
  VIGIL_FAULTS_URL: z.url({ protocol: /^https?$/ }).optional(),
  VIGIL_NOTIFY_URL: z.url({ protocol: /^https?$/ }).optional(),
});

const feedSchema = z.object({
  VIGIL_DASHBOARD_REPLAY_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_REPLAY_LIMIT),
});

/** The feed's settings; also read by the embedded process, which runs the dashboard too. */
export function loadDashboardOptions(env: Record<string, string | undefined> = process.env): DashboardOptions {
  return { replayLimit: parseConfig(feedSchema, env).VIGIL_DASHBOARD_REPLAY_LIMIT };
}

/** Parses the dashboard's environment once, at start-up. */
export function loadDashboardConfig(env: Record<string, string | undefined> = process.env): DashboardConfig {
  const owners = parseConfig(ownersSchema, env);
  return {
    platform: loadPlatformConfig(env),
    httpPort: loadHttpPort(env, 'VIGIL_DASHBOARD_PORT', 3000),
    signIn: loadSignInConfig(env),
    apiOwners: { ingest: owners.VIGIL_INGEST_URL, triage: owners.VIGIL_TRIAGE_URL, faults: owners.VIGIL_FAULTS_URL, notify: owners.VIGIL_NOTIFY_URL },
    feed: loadDashboardOptions(env),
  };
}
