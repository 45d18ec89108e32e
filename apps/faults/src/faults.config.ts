import { loadHttpPort, loadPlatformConfig, PlatformConfig } from '@vigil/config';
import { FaultsOptions } from './faults.options';
import { loadSlaContract } from './sla-contract.config';

/** Settings of faults when it runs as its own process. */
export interface FaultsConfig {
  platform: PlatformConfig;
  httpPort: number;
  faults: FaultsOptions;
}

/** The faults module's options from the platform's (also used by the embedded process). */
export function loadFaultsOptions(platform: Pick<PlatformConfig, 'databaseUrl' | 'demo'>): FaultsOptions {
  return { databaseUrl: platform.databaseUrl, demo: platform.demo };
}

/** Parses faults's environment once, at start-up. */
export function loadFaultsConfig(env: Record<string, string | undefined> = process.env): FaultsConfig {
  const platform = loadPlatformConfig(env);
  return { platform, httpPort: loadHttpPort(env, 'VIGIL_FAULTS_PORT', 3003), faults: { ...loadFaultsOptions(platform), slaContract: loadSlaContract(env) } };
}
