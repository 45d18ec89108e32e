import type { Alert, AlertLabelName, PlannedDelivery } from '../../domain';
import { byUrgency } from '../alert-urgency';
import type { SendContext } from '../channel';
import { londonTime } from './london-time';

/** What an e-mail says: a subject to read at a glance, a plain-text body, and the same as simple HTML. */
export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
}

/** The labels an operator reads in a message, in this order, with their names as read. */
const SHOWN_LABELS: ReadonlyArray<[AlertLabelName, string]> = [
  ['partner', 'Partner'],
  ['town', 'Town'],
  ['grade', 'Grade'],
  ['category', 'Category'],
];

/**
 * One e-mail per delivery. The subject leads with the group's status and its most urgent alert
 * ("[Vigil] FIRING grade 1 · INC-2026-000101 · Assault — Hitchin"), with a count when there are
 * several; the body lists every alert, most urgent first, with why it was sent now, its labels,
 * its times in UK local time and, while firing, the link that acknowledges it.
 */
export function emailMessage(delivery: PlannedDelivery, context: SendContext): EmailMessage {
  const alerts = byUrgency(delivery.alerts);
  const entries = alerts.map((alert) => alertEntry(alert, context.acknowledgeLinks[alert.fingerprint]));
  const intro = `${groupStatus(alerts).toUpperCase()}: ${tally(alerts)} for ${delivery.receiver} (${words(delivery.reason)})`;
  const footer = `Delivery ${context.deliveryId}, sent by Vigil.`;
  return {
    subject: subject(alerts),
    text: [intro, ...entries.map((entry, index) => textEntry(entry, index)), footer].join('\n\n') + '\n',
    html: htmlBody(intro, entries, footer),
  };
}

function subject(alerts: readonly Alert[]): string {
  const status = groupStatus(alerts);
  const lead = alerts[0];
  if (!lead) return `[Vigil] ${status.toUpperCase()}`;
  if (alerts.length === 1) return `[Vigil] ${status.toUpperCase()} ${headline(lead)}`;
  return `[Vigil] ${status.toUpperCase()} ${tally(alerts)} · ${headline(lead)}`;
}

/** Firing while any alert in the group is, as for the webhook. */
function groupStatus(alerts: readonly Alert[]): Alert['status'] {
  return alerts.some((alert) => alert.status === 'firing') ? 'firing' : 'resolved';
}

/** "1 alert", "3 alerts", "2 alerts, 1 resolved": the count of the group's status first, then the others. */
function tally(alerts: readonly Alert[]): string {
  const status = groupStatus(alerts);
  const same = alerts.filter((alert) => alert.status === status).length;
  const resolvedBesides = status === 'firing' ? alerts.length - same : 0;
  return `${same} ${same === 1 ? 'alert' : 'alerts'}${resolvedBesides ? `, ${resolvedBesides} resolved` : ''}`;
}

/** "grade 1 · INC-2026-000101 · Assault — Hitchin": what kind of thing, its reference, what and where. */
function headline(alert: Alert): string {
  const whatAndWhere = [alert.labels.category, alert.labels.town].filter(Boolean).join(' — ');
  return [kindOf(alert), alert.reference, whatAndWhere].filter(Boolean).join(' · ');
}

function kindOf(alert: Alert): string {
  const { labels } = alert;
  if (labels.kind === 'incident') return `${alert.tetraEmergency ? 'TETRA emergency ' : ''}grade ${labels.grade ?? '?'}`;
  if (labels.kind === 'fault') return labels.severity ? `${labels.severity} fault` : 'fault';
  return [labels.source, labels.state].filter(Boolean).join(' ') || 'source';
}

/** `incident-opened` → `incident opened`. */
function words(token: string): string {
  return token.replace(/-/g, ' ');
}

/** One alert as lines to read, shared by the text and HTML bodies. */
interface AlertEntry {
  title: string;
  summary: string;
  /** "Why now: …", "Partner: … · Town: …", "Started: …". */
  lines: string[];
  acknowledgeUrl?: string;
}

function alertEntry(alert: Alert, acknowledgeUrl: string | undefined): AlertEntry {
  const labels = SHOWN_LABELS.filter(([name]) => alert.labels[name]).map(([name, title]) => `${title}: ${alert.labels[name]}`);
  const lines = [`Why now: ${words(alert.notice)}`, labels.join(' · '), `Started: ${londonTime(alert.startsAt)}`];
  if (alert.endsAt) lines.push(`Ended: ${londonTime(alert.endsAt)}`);
  return {
    title: `${alert.status.toUpperCase()} · ${headline(alert)}`,
    summary: alert.summary,
    lines: lines.filter((line) => line !== ''),
    ...(alert.status === 'firing' && acknowledgeUrl && { acknowledgeUrl }),
  };
}

function textEntry(entry: AlertEntry, index: number): string {
  const lines = [`${index + 1}. ${entry.title}`, entry.summary, ...entry.lines];
  if (entry.acknowledgeUrl) lines.push(`Acknowledge: ${entry.acknowledgeUrl}`);
  return lines.join('\n   ');
}

function htmlBody(intro: string, entries: AlertEntry[], footer: string): string {
  const items = entries.map((entry) => {
    const fields = entry.lines.map((line) => `<br>${escape(line)}`).join('');
    const link = entry.acknowledgeUrl ? `<br><a href="${escape(entry.acknowledgeUrl)}">Acknowledge</a>` : '';
    return `<li><strong>${escape(entry.title)}</strong><br>${escape(entry.summary)}${fields}${link}</li>`;
  });
  return `<!doctype html><html><body><p>${escape(intro)}</p><ol>${items.join('')}</ol><p>${escape(footer)}</p></body></html>`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Summaries come from callers and operators: never markup in a message. */
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}
