import { loadHttpPort, loadPlatformConfig, PlatformConfig } from '@vigil/config';

/** Settings of notify when it runs as its own process. */
export interface NotifyConfig {
  platform: PlatformConfig;
  httpPort: number;
}

/** Parses notify's environment once, at start-up. */
export function loadNotifyConfig(env: Record<string, string | undefined> = process.env): NotifyConfig {
  return { platform: loadPlatformConfig(env), httpPort: loadHttpPort(env, 'VIGIL_NOTIFY_PORT', 3004) };
}
