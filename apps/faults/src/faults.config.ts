import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
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
  // A replica's own name for its health consumer: a restarted replica is a new one, and rebuilds its state from the stream.
  return { databaseUrl: platform.databaseUrl, demo: platform.demo, health: { instanceId: `${hostname().replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 40)}-${randomBytes(4).toString('hex')}` } };
}

/** Parses faults's environment once, at start-up. */
export function loadFaultsConfig(env: Record<string, string | undefined> = process.env): FaultsConfig {
  const platform = loadPlatformConfig(env);
  return { platform, httpPort: loadHttpPort(env, 'VIGIL_FAULTS_PORT', 3003), faults: { ...loadFaultsOptions(platform), slaContract: loadSlaContract(env) } };
}
