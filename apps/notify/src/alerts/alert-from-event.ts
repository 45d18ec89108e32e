import type { FaultTicket, FaultTicketChanged, Incident, IncidentChanged, SourceStateChanged } from '@vigil/contracts';
import { Alert, alertFromFaultEvent, alertFromIncidentEvent, alertFromSupervisionEvent, AlertUpdate, DEFAULT_POLICE_POLICY, fingerprintOf } from '../domain';

/** An event notify reads, as its consumers hand it over. */
export type AlertEvent =
  | { type: 'incident'; incident: Incident | IncidentChanged }
  | { type: 'fault'; ticket: FaultTicket | FaultTicketChanged }
  | { type: 'supervision'; source: SourceStateChanged };

/** The fingerprint of the alert an event is about. */
export function fingerprintOfEvent(event: AlertEvent): string {
  if (event.type === 'incident') return fingerprintOf.incident(event.incident.incidentId);
  if (event.type === 'fault') return fingerprintOf.fault(event.ticket.ticketId);
  return fingerprintOf.supervision(event.source.sourceKind, event.source.sourceId);
}

/** The domain's decision for an event, given the alert held. */
export function alertUpdateOf(previous: Alert | null, event: AlertEvent): AlertUpdate {
  if (event.type === 'incident') return alertFromIncidentEvent(previous, { incident: event.incident, change: 'change' in event.incident ? event.incident.change : 'opened' }, DEFAULT_POLICE_POLICY);
  if (event.type === 'fault') return alertFromFaultEvent(previous, { ticket: event.ticket, change: 'change' in event.ticket ? event.ticket.change : 'opened' });
  return alertFromSupervisionEvent(previous, event.source);
}
