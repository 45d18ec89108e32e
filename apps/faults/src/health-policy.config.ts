import { z } from 'zod';
import { parseConfig } from '@vigil/config';
import { DEFAULT_HEALTH_POLICY, HealthPolicy } from './domain/health-policy';

const milliseconds = z.coerce.number().int().min(1).max(86_400_000);

/** What a deployment tunes to its VMS: how often it sends heartbeats, and how long a loss must last. */
const envSchema = z.object({
  VIGIL_HEALTH_HEARTBEAT_INTERVAL_MS: milliseconds.default(DEFAULT_HEALTH_POLICY.heartbeatIntervalMs),
  VIGIL_HEALTH_HEARTBEAT_GRACE: z.coerce.number().int().min(1).max(100).default(DEFAULT_HEALTH_POLICY.heartbeatGrace),
  VIGIL_HEALTH_VIDEO_LOSS_DEBOUNCE_MS: milliseconds.default(DEFAULT_HEALTH_POLICY.debounceMs['video-loss']),
  VIGIL_HEALTH_TAMPER_DEBOUNCE_MS: milliseconds.default(DEFAULT_HEALTH_POLICY.debounceMs.tamper),
});

/**
 * The health watchdog's heartbeat and debounce settings from the environment, the assumed defaults
 * (domain/health-policy.ts) for those not set; flapping keeps its defaults. Checked at start-up.
 */
export function loadHealthPolicy(env: Record<string, string | undefined>): HealthPolicy {
  const raw = parseConfig(envSchema, env);
  return {
    ...DEFAULT_HEALTH_POLICY,
    heartbeatIntervalMs: raw.VIGIL_HEALTH_HEARTBEAT_INTERVAL_MS,
    heartbeatGrace: raw.VIGIL_HEALTH_HEARTBEAT_GRACE,
    debounceMs: { 'video-loss': raw.VIGIL_HEALTH_VIDEO_LOSS_DEBOUNCE_MS, tamper: raw.VIGIL_HEALTH_TAMPER_DEBOUNCE_MS },
  };
}
