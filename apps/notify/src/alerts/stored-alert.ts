import type { Alert } from '../domain';

/** An alert as kept in `notify.alert.alert` (jsonb): dates as ISO strings. */
export type StoredAlert = Omit<Alert, 'startsAt' | 'endsAt'> & { startsAt: string; endsAt: string | null };

/** Alert → jsonb. */
export function storeAlert(alert: Alert): StoredAlert {
  return { ...alert, startsAt: alert.startsAt.toISOString(), endsAt: alert.endsAt?.toISOString() ?? null };
}

/** jsonb → Alert. */
export function readAlert(stored: StoredAlert): Alert {
  return { ...stored, startsAt: new Date(stored.startsAt), endsAt: stored.endsAt === null ? null : new Date(stored.endsAt) };
}
