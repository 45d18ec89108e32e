import { loadHttpPort, loadPlatformConfig, PlatformConfig } from '@vigil/config';

/** Settings of triage when it runs as its own process. */
export interface TriageConfig {
  platform: PlatformConfig;
  httpPort: number;
}

/** Parses triage's environment once, at start-up. */
export function loadTriageConfig(env: Record<string, string | undefined> = process.env): TriageConfig {
  return { platform: loadPlatformConfig(env), httpPort: loadHttpPort(env, 'VIGIL_TRIAGE_PORT', 3002) };
}
