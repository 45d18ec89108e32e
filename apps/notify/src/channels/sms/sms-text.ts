import type { Alert, PlannedDelivery } from '../../domain';
import { byUrgency } from '../alert-urgency';
import type { SendContext } from '../channel';
import { gsm7Length, toGsm7, truncateGsm7 } from './gsm7';

/** One SMS segment in GSM-7. */
export const SMS_SEGMENT = 160;

/**
 * The text of one SMS or pager message for a group: its most urgent alert's grade (or kind),
 * reference, category, town and summary, how many more alerts there are, and its acknowledge link:
 * `VIGIL G1 INC-2026-000101 Assault Hitchin: Fight outside the theatre - ack: https://…`.
 * To keep one 160-character segment, the category, town and summary are cut (ending `...`) or
 * dropped; the reference, the count and the link never are, even if the text must then run long.
 * Only characters GSM-7 has are sent (see `toGsm7`); the dash is a plain hyphen for that reason.
 */
export function smsText(delivery: PlannedDelivery, context: SendContext): string {
  const alerts = byUrgency(delivery.alerts);
  const lead = alerts[0];
  if (!lead) return 'VIGIL';
  const firing = lead.status === 'firing';
  const head = `VIGIL ${firing ? '' : 'RESOLVED '}${kindOf(lead)} ${lead.reference}`;
  const more = alerts.length > 1 ? ` +${alerts.length - 1} more` : '';
  const link = firing ? context.acknowledgeLinks[lead.fingerprint] : undefined;
  const ack = link ? ` - ack: ${link}` : '';
  const room = SMS_SEGMENT - gsm7Length(head + more + ack) - 1;
  const details = truncateGsm7(toGsm7(detailsOf(lead)), room);
  return `${head}${details ? ` ${details}` : ''}${more}${ack}`;
}

/** `G1`, `TETRA G2`, `FAULT emergency`, `townlink late`. */
function kindOf(alert: Alert): string {
  const { labels } = alert;
  if (labels.kind === 'incident') return `${alert.tetraEmergency ? 'TETRA ' : ''}G${labels.grade ?? '?'}`;
  if (labels.kind === 'fault') return ['FAULT', labels.severity].filter(Boolean).join(' ');
  return toGsm7([labels.source, labels.state].filter(Boolean).join(' ') || 'SOURCE');
}

/** `Assault Hitchin: Fight outside the theatre`: what, where, and what was said, in the order they may be cut. */
function detailsOf(alert: Alert): string {
  const whatAndWhere = [alert.labels.category, alert.labels.town].filter(Boolean).join(' ');
  return whatAndWhere ? `${whatAndWhere}: ${alert.summary}` : alert.summary;
}
