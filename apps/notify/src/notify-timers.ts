/**
 * Notify's durable timer kinds (libs/timers), each keyed as its comment says. Group flushes and
 * sends are not timers: every event has them, so they are columns (`alert_group.flush_at`,
 * `delivery.next_attempt_at`) that the due-work poller reads, without a job per event.
 */
export const NOTIFY_TIMERS = {
  /** Keyed by fingerprint: the escalation's next step, or its progress timeout. */
  escalation: 'notify-escalation',
  /** Keyed by window id: a faults maintenance window's end, when what it held back goes out. */
  maintenanceEnd: 'notify-maintenance-end',
} as const;
