import { z } from 'zod';
import { parseConfig } from '@vigil/config';
import { SlaContract } from './domain/sla-contract';

const times = z.object({ respondMinutes: z.number().positive(), fixMinutes: z.number().positive() });

/** The maintenance contract's schedule as a deployment gives it: JSON, minutes (fractions allowed). */
const slaContractSchema = z.object({
  name: z.string().trim().min(1).max(100),
  times: z.object({ emergency: times, standard: times }),
  warnAtFraction: z.number().gt(0).lt(1),
});

const envSchema = z.object({
  VIGIL_SLA_CONTRACT: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON: {"name":…,"times":{"emergency":{"respondMinutes":…,"fixMinutes":…},"standard":{…}},"warnAtFraction":0.8}' });
        return z.NEVER;
      }
    })
    .pipe(slaContractSchema.optional()),
});

/**
 * The contract's response and fix times from `VIGIL_SLA_CONTRACT`, or undefined for the assumed
 * default (domain/sla-contract.ts). Checked at start-up: a contract that cannot be read stops
 * faults rather than timing the contractor by the wrong schedule.
 */
export function loadSlaContract(env: Record<string, string | undefined>): SlaContract | undefined {
  return parseConfig(envSchema, env).VIGIL_SLA_CONTRACT;
}
