import { z } from 'zod';
import { loadHttpPort, loadPlatformConfig, parseConfig, PlatformConfig } from '@vigil/config';
import { TriageOptions } from './triage.options';

/** Settings of triage when it runs as its own process. */
export interface TriageConfig {
  platform: PlatformConfig;
  httpPort: number;
  triage: TriageOptions;
}

const triageSchema = z.object({
  // Seconds: a restore overtakes its alarm by milliseconds, or by a replica's redelivery at worst.
  VIGIL_RESTORE_WAIT_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
});

/** Parses the triage module's options from an environment (also used by the embedded process). */
export function loadTriageOptions(env: Record<string, string | undefined>, databaseUrl: string): TriageOptions {
  const raw = parseConfig(triageSchema, env);
  return { databaseUrl, restoreWaitSeconds: raw.VIGIL_RESTORE_WAIT_SECONDS };
}

/** Parses triage's environment once, at start-up. */
export function loadTriageConfig(env: Record<string, string | undefined> = process.env): TriageConfig {
  const platform = loadPlatformConfig(env);
  return { platform, httpPort: loadHttpPort(env, 'VIGIL_TRIAGE_PORT', 3002), triage: loadTriageOptions(env, platform.databaseUrl) };
}
