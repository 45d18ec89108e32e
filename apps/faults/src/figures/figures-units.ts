import { Availability, availabilityRatio } from '../domain/figures/availability';

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** Milliseconds as minutes to a tenth, as the contract's times are read. */
export const minutesOf = (ms: number | null): number | null => (ms === null ? null : round(ms / 60_000, 1));

/** Availability as the reports print it: hours to a hundredth, the share as a percentage to three places. */
export function availabilityFigures(availability: Availability): { scheduledHours: number; downHours: number; availabilityPercent: number | null } {
  const ratio = availabilityRatio(availability);
  return {
    scheduledHours: round(availability.scheduledMs / 3_600_000, 2),
    downHours: round(availability.downMs / 3_600_000, 2),
    availabilityPercent: ratio === null ? null : round(ratio * 100, 3),
  };
}
