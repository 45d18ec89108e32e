import { z } from 'zod';
import type { Alert } from '../alerts/alert';
import { labelsMatch, matcherSchema } from '../routing/matcher';
import { Muter, NOT_MUTED } from './muter';

/** Planned works on cameras or links: their faults and supervision alerts are expected and held back. */
export const maintenanceWindowSchema = z
  .strictObject({
    id: z.string().min(1),
    matchers: z.array(matcherSchema).min(1),
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date(),
    reason: z.string().trim().min(3),
  })
  .refine((window) => window.endsAt > window.startsAt, { message: 'ends after it starts', path: ['endsAt'] });
/** One maintenance window. */
export type MaintenanceWindow = z.infer<typeof maintenanceWindowSchema>;

/**
 * Mutes faults and supervision alerts inside a window. Never an incident: a fight in the street
 * during camera works still needs the police.
 */
export function maintenanceMuter(windows: readonly MaintenanceWindow[]): Muter {
  return {
    mutes(alert: Alert, now: Date) {
      if (alert.labels.kind === 'incident') return NOT_MUTED;
      const window = windows.find((w) => w.startsAt <= now && now < w.endsAt && labelsMatch(w.matchers, alert.labels));
      return window ? { muted: true, reason: 'in-maintenance', by: window.id } : NOT_MUTED;
    },
  };
}
