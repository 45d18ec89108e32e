import type { FaultSeverity } from '@vigil/contracts';

/** A maintenance contract's service levels: attendance (response) and fix times per severity. */
export interface SlaContract {
  name: string;
  times: Record<FaultSeverity, { respondMinutes: number; fixMinutes: number }>;
  /** The share of a clock's time after which a warning goes out (0..1). */
  warnAtFraction: number;
}

/**
 * Assumed, not from the partnership's documents (which name the contractor but not its terms):
 * what UK public-space CCTV maintenance contracts commonly offer — emergency attendance within
 * 4 hours around the clock and a fix within 12, standard attendance within 24 hours and a fix
 * within 3 days — with a warning at 80% of the time. Replace with the contract's own schedule.
 */
export const DEFAULT_SLA_CONTRACT: SlaContract = {
  name: 'default',
  times: {
    emergency: { respondMinutes: 4 * 60, fixMinutes: 12 * 60 },
    standard: { respondMinutes: 24 * 60, fixMinutes: 72 * 60 },
  },
  warnAtFraction: 0.8,
};
