import type { HealthPolicy } from './domain/health-policy';
import type { OutageGroupingPolicy } from './domain/outage-grouping';
import type { SlaContract } from './domain/sla-contract';

/** Injection token for {@link FaultsOptions}. */
export const FAULTS_OPTIONS = Symbol('FAULTS_OPTIONS');

/** What the faults module needs, whichever process it runs in. */
export interface FaultsOptions {
  databaseUrl: string;
  /** Demo mode: an empty camera register is filled with the partnership's demo cameras. */
  demo: boolean;
  /** The maintenance contract's response and fix times; the assumed default when absent (domain/sla-contract.ts). */
  slaContract?: SlaContract;
  /** The camera health watchdog's settings; the assumed defaults (domain/health-policy.ts, domain/outage-grouping.ts) when absent. */
  health?: HealthWatchdogOptions;
}

/** How the camera health watchdog runs in this process. */
export interface HealthWatchdogOptions {
  /** This replica's name, unique among faults replicas: its CAMERA_HEALTH consumer is its own. */
  instanceId: string;
  policy?: HealthPolicy;
  grouping?: OutageGroupingPolicy;
  /** How often debounces and heartbeat grace are checked; the delay a confirmed fault can wait for its tick. */
  tickMs?: number;
}
