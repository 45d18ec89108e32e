import { SourceState, SourceStateChanged } from '@vigil/contracts';
import type { Alert } from './alert';
import { AlertUpdate, applyChange, isStale } from './alert-update';
import { fingerprintOf } from './fingerprint';

/** Why a supervision event is or is not worth telling people. */
export type SupervisionNotice = 'source-late' | 'source-down' | 'source-key-mismatch' | 'source-up' | 'still-up';

const NOTICE: Record<SourceState, SupervisionNotice> = { late: 'source-late', down: 'source-down', 'key-mismatch': 'source-key-mismatch', up: 'source-up' };

/**
 * What notify makes of a source's state change. Each committed transition is one event and carries
 * no version, so its time orders it. Late, down and a key mismatch fire (each a new notice, so late
 * then down tells people twice); heard again resolves, and is news only when it had been firing.
 */
export function alertFromSupervisionEvent(previous: Alert | null, event: SourceStateChanged): AlertUpdate {
  const version = Date.parse(event.changedAt);
  if (isStale(previous, version)) return { action: 'ignore', reason: 'stale-version' };
  const firing = event.state !== 'up';
  const startsAt = firing && previous?.status === 'firing' ? previous.startsAt : new Date(event.changedAt);
  const next: Omit<Alert, 'notice' | 'noticeVersion'> = {
    fingerprint: fingerprintOf.supervision(event.sourceKind, event.sourceId),
    labels: { kind: 'supervision', partner: event.partnerId ?? 'unassigned', source: event.sourceKind, state: event.state },
    status: firing ? 'firing' : 'resolved',
    handling: firing ? 'unacknowledged' : 'done',
    version,
    reference: `${event.sourceKind}:${event.sourceId}`,
    summary: event.reason,
    startsAt,
    endsAt: firing ? null : new Date(event.changedAt),
    tetraEmergency: false,
  };
  const wasFiring = previous?.status === 'firing';
  const notice = firing || wasFiring ? NOTICE[event.state] : 'still-up';
  return applyChange(previous, next, notice !== 'still-up', notice);
}
