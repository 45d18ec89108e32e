import { z } from 'zod';
import { loadPlatformConfig, parseConfig, PlatformConfig } from '@vigil/config';
import { loadIngestOptions } from '../../ingest/src/ingest.config';
import { IngestOptions } from '../../ingest/src/ingest.options';
import { loadSignInConfig, SignInConfig } from '../../dashboard/src/sign-in/sign-in.config';
import { loadTriageOptions } from '../../triage/src/triage.config';
import { TriageOptions } from '../../triage/src/triage.options';
import { loadDashboardOptions } from '../../dashboard/src/dashboard.config';
import { DashboardOptions } from '../../dashboard/src/dashboard.options';
import { loadFaultsOptions } from '../../faults/src/faults.config';
import { FaultsOptions } from '../../faults/src/faults.options';
import { loadNotifyOptions } from '../../notify/src/notify.config';
import { NotifyOptions } from '../../notify/src/notify.options';
import { DEMO_ROUTING } from '../../notify/src/routing/demo-routing';

/** Settings of the all-in-one process `npm start` runs. */
export interface EmbeddedConfig {
  platform: PlatformConfig;
  ingest: IngestOptions;
  triage: TriageOptions;
  faults: FaultsOptions;
  notify: NotifyOptions;
  httpPort: number;
  /** Base URL people open, when it is not http://localhost:<port>/ (behind a proxy, say). */
  publicUrl?: string;
  /** The demo Airwave feed, run in demo mode (`platform.demo`). */
  demoFeed: { intervalMs: number; seed: number };
  /** OpenID Connect sign-in on the dashboard; absent when only issued tokens are accepted. */
  signIn?: SignInConfig;
  dashboard: DashboardOptions;
}

const embeddedSchema = z.object({
  VIGIL_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  VIGIL_PUBLIC_URL: z.url().optional(),
  VIGIL_DEMO_INTERVAL_MS: z.coerce.number().int().min(10).default(3000),
  VIGIL_DEMO_SEED: z.coerce.number().int().default(20261123),
});

/** Parses the embedded process's environment once, at start-up. */
export function loadEmbeddedConfig(env: Record<string, string | undefined> = process.env): EmbeddedConfig {
  const raw = parseConfig(embeddedSchema, env);
  const platform = loadPlatformConfig(env);
  return {
    platform,
    ingest: loadIngestOptions(env, platform.databaseUrl),
    triage: loadTriageOptions(env, platform.databaseUrl, platform.demo),
    faults: loadFaultsOptions(env, platform),
    notify: withDemoRouting(loadNotifyOptions(env, platform), platform.demo),
    httpPort: raw.VIGIL_HTTP_PORT,
    publicUrl: raw.VIGIL_PUBLIC_URL,
    demoFeed: { intervalMs: raw.VIGIL_DEMO_INTERVAL_MS, seed: raw.VIGIL_DEMO_SEED },
    signIn: loadSignInConfig(env),
    dashboard: loadDashboardOptions(env),
  };
}

/** The demo runs with rules whose receivers are all consoles, unless a routing file is given. */
function withDemoRouting(notify: NotifyOptions, demo: boolean): NotifyOptions {
  if (!demo || notify.routingFile) return notify;
  return { ...notify, routingFile: { path: 'apps/notify/src/routing/demo-routing.ts', content: DEMO_ROUTING } };
}
