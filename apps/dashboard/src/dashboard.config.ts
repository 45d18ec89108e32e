import { loadHttpPort, loadPlatformConfig, PlatformConfig } from '@vigil/config';

/** Settings of the dashboard when it runs as its own process. */
export interface DashboardConfig {
  platform: PlatformConfig;
  httpPort: number;
}

/** Parses the dashboard's environment once, at start-up. */
export function loadDashboardConfig(env: Record<string, string | undefined> = process.env): DashboardConfig {
  return { platform: loadPlatformConfig(env), httpPort: loadHttpPort(env, 'VIGIL_DASHBOARD_PORT', 3000) };
}
