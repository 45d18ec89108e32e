import type { NotificationPushed, PushedAlert } from '@vigil/contracts';
import type { PostResult } from './api-client';

/** Notifications the tray keeps; older ones drop off the end (the alerts go on in the incident and ticket boards). */
export const TRAY_LIMIT = 50;

/** The tray after a push: newest first, each delivery once (a reconnect may bring one twice), at most `limit`. */
export function withArrival(tray: readonly NotificationPushed[], arrived: NotificationPushed, limit = TRAY_LIMIT): NotificationPushed[] {
  if (tray.some((held) => held.deliveryId === arrived.deliveryId)) return [...tray];
  return [arrived, ...tray].slice(0, limit);
}

const REASONS: Record<string, string> = {
  'first-notification': 'New',
  'new-alerts-in-group': 'More alerts',
  'alerts-changed': 'Changed',
  'newly-resolved': 'Resolved',
  'all-resolved': 'All resolved',
  'repeat-interval-elapsed': 'Reminder: still needs someone',
};

/** Why a notification went out, as a person reads it; a reason the page does not know yet is shown as written. */
export function reasonText(reason: string): string {
  return REASONS[reason] ?? sentence(reason);
}

/** What changed on an alert (`incident-opened` → "incident opened"). */
export function noticeText(notice: string): string {
  return sentence(notice).toLowerCase();
}

/** Whether the tray offers to acknowledge an alert: it needs someone and nobody has said they have it. */
export function canAcknowledge(alert: PushedAlert): boolean {
  return alert.status === 'firing' && alert.handling === 'unacknowledged';
}

/**
 * Firing alerts in the tray still waiting for someone, for the tray's heading: not those the
 * notification says are taken, nor those settled from this page (acknowledged here, or refused
 * because someone else was first or it is over).
 */
export function waitingCount(tray: readonly NotificationPushed[], settled: ReadonlySet<string>): number {
  const waiting = new Set(tray.flatMap((n) => n.alerts.filter((a) => canAcknowledge(a) && !settled.has(a.fingerprint)).map((a) => a.fingerprint)));
  return waiting.size;
}

/** Where an Acknowledge press has got to, and what the alert's row says about it. */
export type AcknowledgeState = { kind: 'sending' } | { kind: 'acknowledged' } | { kind: 'refused'; message: string } | { kind: 'failed'; message: string };

/** What notify's answer means for the person who pressed: 200 theirs; 409 the server's reason (someone else was first, it is resolved…); anything else an error. */
export function acknowledgeState(result: PostResult): AcknowledgeState {
  if (result.kind === 'done') return { kind: 'acknowledged' };
  if (result.kind === 'conflict') {
    const message = (result.answer as { message?: unknown } | null)?.message;
    return { kind: 'refused', message: typeof message === 'string' && message !== '' ? message : 'Not acknowledged: it changed meanwhile' };
  }
  return { kind: 'failed', message: `Not acknowledged: ${result.message}${result.status ? ` (${result.status})` : ''}` };
}

/** The time of day (en-GB, 24-hour), with the date when it is not today's. */
export function whenText(iso: string, now: number): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return at.toDateString() === new Date(now).toDateString() ? time : `${at.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })} ${time}`;
}

function sentence(token: string): string {
  const words = token.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
