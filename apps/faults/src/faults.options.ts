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
}
