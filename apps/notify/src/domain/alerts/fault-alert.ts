import { FaultTicket, TicketChange, TicketStatus } from '@vigil/contracts';
import type { Alert, AlertHandling, AlertLabels } from './alert';
import { AlertUpdate, applyChange, isStale } from './alert-update';
import { fingerprintOf } from './fingerprint';

/** A fault ticket event as notify reads it: the whole ticket and the change (`opened` for the first). */
export interface FaultEvent {
  ticket: FaultTicket;
  change: 'opened' | TicketChange;
}

/** Why a ticket event is or is not worth telling people. */
export type FaultNotice = 'fault-opened' | 'first-seen' | 'fault-reopened' | 'sla-warning' | 'sla-breached' | 'fault-fixed' | 'acknowledged' | 'progressed' | 'relabelled' | 'not-notable';

const HANDLING: Record<TicketStatus, AlertHandling> = {
  reported: 'unacknowledged',
  reopened: 'unacknowledged',
  acknowledged: 'acknowledged',
  'engineer-on-site': 'in-progress',
  fixed: 'done',
  verified: 'done',
  // Its camera is worked on its site outage's ticket, which fires on its own.
  merged: 'done',
};

const NOTICE: Partial<Record<FaultEvent['change'], FaultNotice>> = {
  opened: 'fault-opened',
  reopened: 'fault-reopened',
  'response-warning': 'sla-warning',
  'fix-warning': 'sla-warning',
  'response-breached': 'sla-breached',
  'fix-breached': 'sla-breached',
  fixed: 'fault-fixed',
  acknowledged: 'acknowledged',
  'engineer-on-site': 'progressed',
  'camera-joined': 'relabelled',
};

const NOTABLE = new Set<FaultNotice>(['fault-opened', 'first-seen', 'fault-reopened', 'sla-warning', 'sla-breached', 'fault-fixed']);

/**
 * What notify makes of a ticket event: opened, reopened, an SLA warning or breach and the fix are
 * worth telling the contractor and the partner; acknowledgement and an engineer on site move the
 * handling; verification, moved deadlines and a camera joining a site outage are not news.
 */
export function alertFromFaultEvent(previous: Alert | null, event: FaultEvent): AlertUpdate {
  const { ticket } = event;
  if (isStale(previous, ticket.version)) return { action: 'ignore', reason: 'stale-version' };
  const next = faultAlert(ticket);
  const named = NOTICE[event.change] ?? 'not-notable';
  const notice = !previous && named === 'not-notable' && next.status === 'firing' ? 'first-seen' : named;
  return applyChange(previous, next, NOTABLE.has(notice), notice);
}

function faultAlert(ticket: FaultTicket): Omit<Alert, 'notice' | 'noticeVersion'> {
  const over = HANDLING[ticket.status] === 'done';
  return {
    fingerprint: fingerprintOf.fault(ticket.ticketId),
    labels: faultLabels(ticket),
    status: over ? 'resolved' : 'firing',
    handling: HANDLING[ticket.status],
    version: ticket.version,
    reference: ticket.reference,
    summary: `${ticket.symptom} on ${ticket.cameraIds.join(', ')}`,
    startsAt: new Date(ticket.reportedAt),
    endsAt: over ? new Date(ticket.fix.metAt ?? ticket.updatedAt) : null,
    tetraEmergency: false,
  };
}

/**
 * A fault's labels. `camera` only on a ticket of one camera: a site outage is not "that camera",
 * so a window over one of its cameras does not hold it back. `owner` is faults' owner of the
 * camera (partner id or client name), what an owner's maintenance window names.
 */
function faultLabels(ticket: FaultTicket): AlertLabels {
  const owner = ticket.partnerId ?? ticket.clientName;
  return {
    kind: 'fault',
    partner: ticket.partnerId ?? 'clients',
    ...(ticket.town ? { town: ticket.town } : {}),
    category: ticket.symptom,
    source: ticket.origin,
    state: ticket.status,
    scope: ticket.scope,
    severity: ticket.severity,
    ...(ticket.siteId ? { site: ticket.siteId } : {}),
    ...(ticket.cameraIds.length === 1 ? { camera: ticket.cameraIds[0] } : {}),
    ...(owner ? { owner } : {}),
  };
}
