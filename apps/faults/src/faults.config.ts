import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { loadHttpPort, loadPlatformConfig, PlatformConfig } from '@vigil/config';
import { FaultsOptions } from './faults.options';
import { loadHealthPolicy } from './health-policy.config';
import { loadSlaContract } from './sla-contract.config';

/** Settings of faults when it runs as its own process. */
export interface FaultsConfig {
  platform: PlatformConfig;
  httpPort: number;
  faults: FaultsOptions;
}

/** The faults module's options from an environment and the platform's (also used by the embedded process). */
export function loadFaultsOptions(env: Record<string, string | undefined>, platform: Pick<PlatformConfig, 'databaseUrl' | 'demo'>): FaultsOptions {
  // A replica's own name for its health consumer: a restarted replica is a new one, and rebuilds its state from the stream.
  const instanceId = `${hostname().replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 40)}-${randomBytes(4).toString('hex')}`;
  return { databaseUrl: platform.databaseUrl, demo: platform.demo, slaContract: loadSlaContract(env), health: { instanceId, policy: loadHealthPolicy(env) } };
}

/** Parses faults's environment once, at start-up. */
export function loadFaultsConfig(env: Record<string, string | undefined> = process.env): FaultsConfig {
  const platform = loadPlatformConfig(env);
  return { platform, httpPort: loadHttpPort(env, 'VIGIL_FAULTS_PORT', 3003), faults: loadFaultsOptions(env, platform) };
}
