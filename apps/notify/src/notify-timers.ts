/** Notify's durable timer kinds (libs/timers), each keyed as its comment says. */
export const NOTIFY_TIMERS = {
  /** Keyed by delivery id: sends (or retries) a planned delivery nobody has sent yet. */
  send: 'notify-send',
  /** Keyed by group key: the group's next flush (group wait, then group interval). */
  groupFlush: 'notify-group-flush',
  /** Keyed by fingerprint: the escalation's next step, or its progress timeout. */
  escalation: 'notify-escalation',
} as const;
