import { z } from 'zod';
import { loadHttpPort, loadPlatformConfig, parseConfig, PlatformConfig } from '@vigil/config';
import { NotifyOptions } from './notify.options';
import { readRoutingFile } from './routing/read-routing-file';

/** Settings of notify when it runs as its own process. */
export interface NotifyConfig {
  platform: PlatformConfig;
  httpPort: number;
  notify: NotifyOptions;
}

const notifySchema = z.object({
  /** YAML or JSON; the first version of the routing rules when none is stored. */
  VIGIL_NOTIFY_ROUTING_FILE: z.string().min(1).optional(),
  /** How often a replica picks up rules another replica recorded. */
  VIGIL_NOTIFY_ROUTING_REFRESH_MS: z.coerce.number().int().min(10).max(600_000).optional(),
});

/** The notify module's options from an environment and the platform's (also used by the embedded process); the routing file is validated here. */
export function loadNotifyOptions(env: Record<string, string | undefined>, platform: Pick<PlatformConfig, 'databaseUrl'>): NotifyOptions {
  const raw = parseConfig(notifySchema, env);
  return {
    databaseUrl: platform.databaseUrl,
    ...(raw.VIGIL_NOTIFY_ROUTING_FILE && { routingFile: readRoutingFile(raw.VIGIL_NOTIFY_ROUTING_FILE) }),
    ...(raw.VIGIL_NOTIFY_ROUTING_REFRESH_MS && { routingRefreshMs: raw.VIGIL_NOTIFY_ROUTING_REFRESH_MS }),
  };
}

/** Parses notify's environment once, at start-up. */
export function loadNotifyConfig(env: Record<string, string | undefined> = process.env): NotifyConfig {
  const platform = loadPlatformConfig(env);
  return { platform, httpPort: loadHttpPort(env, 'VIGIL_NOTIFY_PORT', 3004), notify: loadNotifyOptions(env, platform) };
}
