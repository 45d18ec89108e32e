import { loadHttpPort, loadPlatformConfig, PlatformConfig } from '@vigil/config';

/** Settings of faults when it runs as its own process. */
export interface FaultsConfig {
  platform: PlatformConfig;
  httpPort: number;
}

/** Parses faults's environment once, at start-up. */
export function loadFaultsConfig(env: Record<string, string | undefined> = process.env): FaultsConfig {
  return { platform: loadPlatformConfig(env), httpPort: loadHttpPort(env, 'VIGIL_FAULTS_PORT', 3003) };
}
