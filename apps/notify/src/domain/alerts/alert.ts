/** What an alert is about: an incident, a contractor's fault ticket, or a supervised source. */
export const ALERT_KINDS = ['incident', 'fault', 'supervision'] as const;
/** One of {@link ALERT_KINDS}. */
export type AlertKind = (typeof ALERT_KINDS)[number];

/**
 * The labels routing rules, silences and inhibition rules match on; a matcher naming anything else
 * is refused when the config is validated, so a typo cannot silently match nothing.
 */
export const ALERT_LABEL_NAMES = ['kind', 'partner', 'town', 'category', 'grade', 'source', 'state', 'police', 'site', 'scope', 'severity', 'camera', 'owner'] as const;
/** One of {@link ALERT_LABEL_NAMES}. */
export type AlertLabelName = (typeof ALERT_LABEL_NAMES)[number];

/** An alert's labels; a label that does not apply (a fault has no grade) is absent and matches as ''. */
export type AlertLabels = Readonly<Partial<Record<AlertLabelName, string>>> & { readonly kind: AlertKind };

/** Firing while the thing needs people; resolved once it is over (closed, fixed, heard again). */
export type AlertStatus = 'firing' | 'resolved';

/** How far people have got with it: escalation stops at acknowledged and watches for progress. */
export type AlertHandling = 'unacknowledged' | 'acknowledged' | 'in-progress' | 'done';

/**
 * One real thing that may need people: one per incident, per fault ticket, per supervised source
 * (the fingerprint), however many events it goes through. Unlike Alertmanager, where a changed label
 * is another alert, a change worth telling (a new call, a breach) raises `noticeVersion`, and
 * de-duplication compares that with what was last sent.
 */
export interface Alert {
  fingerprint: string;
  labels: AlertLabels;
  status: AlertStatus;
  handling: AlertHandling;
  /** The version of the incident, ticket or source state this alert reflects; older events never overwrite it. */
  version: number;
  /** The version of the last change worth telling people about. */
  noticeVersion: number;
  /** Why that change was worth telling (`incident-opened`, `new-call`, `sla-breached`…). */
  notice: string;
  /** What people read out: the incident's or ticket's reference, or the source's id. */
  reference: string;
  summary: string;
  /** When the thing began. */
  startsAt: Date;
  /** When it was over; null while firing. */
  endsAt: Date | null;
  /** A TETRA emergency (the Airwave emergency button or status) keeps this however it is graded later. */
  tetraEmergency: boolean;
}

/** A label's value, '' when absent (as in Prometheus: a missing label equals the empty string). */
export function labelValue(labels: AlertLabels, name: AlertLabelName): string {
  return labels[name] ?? '';
}
