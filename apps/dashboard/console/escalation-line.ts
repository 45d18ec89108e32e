import { londonTime } from './notify-format';
import type { AlertAcknowledgement, EscalationReceiver, EscalationStatus } from './notify-types';

const ROLE_WORDS: Partial<Record<NonNullable<EscalationReceiver['role']>, string>> = {
  'police-control-room': 'Police control room',
  'maintenance-contractor': 'Maintenance contractor',
};

/** `north-herts` → `North Herts`; `duty-manager` → `Duty manager`. */
const titled = (id: string) => id.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
const sentence = (name: string) => {
  const words = name.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * A receiver as a dispatcher would say it: by who it is where the role says that (the police control
 * room, a partner's duty officer), by its name in the rules where it does not (supervisors and
 * webhooks are told apart only by name).
 */
function receiverWords(receiver: EscalationReceiver): string {
  if (receiver.role === 'partner-duty-officer' && receiver.partner) return `${titled(receiver.partner)} duty officer`;
  return (receiver.role && ROLE_WORDS[receiver.role]) ?? sentence(receiver.name);
}

/** `A`, `A and B`, `A, B and C`; two receivers that would read the same carry their names, so nobody is mistaken for another. */
function receiversWords(receivers: readonly EscalationReceiver[], among: readonly EscalationReceiver[]): string {
  const words = (r: EscalationReceiver) => {
    const plain = receiverWords(r);
    const twin = among.some((other) => other.name !== r.name && receiverWords(other) === plain);
    return twin ? `${plain} (${r.name})` : plain;
  };
  const all = receivers.map(words);
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`;
}

/** `link:police` is the police acknowledging by the signed link in their message. */
const whoText = (by: string) => (by.startsWith('link:') ? `${by.slice('link:'.length)} (by the link in their message)` : by);

/**
 * One line on where an alert's escalation stands, in the words a dispatcher reads out at 3 a.m.:
 * who was told and when, who is told next and when unless someone acknowledges, who acknowledged
 * and what happens if work does not start. Clock times are London's.
 */
export function escalationLine(escalation: EscalationStatus, acknowledgements: readonly AlertAcknowledgement[]): string {
  const { told, next, nextAt } = escalation;
  const named = [...(told ?? []), ...(next?.receivers ?? [])];
  const toldWho = told && told.length > 0 ? receiversWords(told, named) : `Escalation level ${escalation.level + 1}`;
  const nextWho = next && next.receivers.length > 0 ? receiversWords(next.receivers, named) : null;
  const by = escalation.acknowledgedBy;
  const acknowledgedAt = by && [...acknowledgements].reverse().find((a) => a.by === by)?.at;
  const byWhomWhen = `${by ? ` by ${whoText(by)}` : ''}${acknowledgedAt ? ` at ${londonTime(acknowledgedAt)}` : ''}`;
  switch (escalation.phase) {
    case 'escalating': {
      const toldLine = `${toldWho} told${escalation.round > 0 ? ' again' : ''}${escalation.toldAt ? ` ${londonTime(escalation.toldAt)}` : ''}.`;
      if (!nextAt) return toldLine;
      const when = londonTime(nextAt);
      if (!nextWho) return `${toldLine} Escalates further at ${when} unless acknowledged.`;
      const again = next && next.round > escalation.round ? 'again' : 'next';
      return `${toldLine} ${nextWho} ${again} at ${when} unless acknowledged.`;
    }
    case 'acknowledged':
      if (!nextAt) return `Acknowledged${byWhomWhen}.`;
      return `Acknowledged${byWhomWhen}; escalates ${nextWho ? `to ${nextWho}` : 'again'} at ${londonTime(nextAt)} if not in progress by then.`;
    case 'in-progress':
      return `In progress: escalation stopped (acknowledged${byWhomWhen}).`;
    case 'resolved':
      return 'Resolved: escalation stopped.';
    case 'exhausted':
      return told === null ? 'Escalation stopped: its policy is no longer in the notification rules.' : 'Escalation finished: everyone in the policy told, nobody acknowledged.';
  }
}
