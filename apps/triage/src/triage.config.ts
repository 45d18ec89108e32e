import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { z } from 'zod';
import { loadHttpPort, loadPlatformConfig, parseConfig, PlatformConfig } from '@vigil/config';
import { buildLocationRegisters, NO_REGISTERS } from './registers/location-registers';
import { DEMO_REGISTERS } from './registers/demo-registers';
import { loadTriagePolicy } from './policy/triage-policy';
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
  /** The partnership's grades and correlation window and distance (JSON; see policy/triage-policy.ts). */
  VIGIL_TRIAGE_POLICY_FILE: z.string().min(1).optional(),
  /** Premises, cameras, alarm accounts, radio members, ISSIs and talkgroups (JSON; see registers/location-registers.ts). */
  VIGIL_TRIAGE_REGISTERS_FILE: z.string().min(1).optional(),
});

/** Parses the triage module's options from an environment (also used by the embedded process). */
export function loadTriageOptions(env: Record<string, string | undefined>, databaseUrl: string, demo = false): TriageOptions {
  const raw = parseConfig(triageSchema, env);
  // The demo night's shops and radios when nothing is configured in demo mode; never outside it.
  const defaultRegisters = demo ? buildLocationRegisters(DEMO_REGISTERS, 'demo registers') : NO_REGISTERS;
  const policy = loadTriagePolicy({ policyFile: raw.VIGIL_TRIAGE_POLICY_FILE, registersFile: raw.VIGIL_TRIAGE_REGISTERS_FILE }, defaultRegisters);
  const instanceId = `${hostname().replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 40)}-${randomBytes(4).toString('hex')}`;
  return { databaseUrl, restoreWaitSeconds: raw.VIGIL_RESTORE_WAIT_SECONDS, policy, instanceId };
}

/** Parses triage's environment once, at start-up. */
export function loadTriageConfig(env: Record<string, string | undefined> = process.env): TriageConfig {
  const platform = loadPlatformConfig(env);
  return { platform, httpPort: loadHttpPort(env, 'VIGIL_TRIAGE_PORT', 3002), triage: loadTriageOptions(env, platform.databaseUrl, platform.demo) };
}
