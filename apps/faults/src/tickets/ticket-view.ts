import { FaultTicket } from '@vigil/contracts';
import { clocksOf, clockView } from './ticket-clocks';
import { TicketEntity } from './ticket.entity';

/** A stored ticket and the cameras it covers, as the API and events show it. */
export function toTicketView(ticket: TicketEntity, cameraIds: readonly string[]): FaultTicket {
  const clocks = clocksOf(ticket);
  return {
    ticketId: ticket.id,
    reference: ticket.reference,
    partnerId: ticket.partnerId,
    clientName: ticket.clientName,
    town: ticket.town,
    scope: ticket.scope,
    siteId: ticket.siteId,
    cameraIds: [...cameraIds],
    symptom: ticket.symptom,
    severity: ticket.severity,
    severityReason: ticket.severityReason,
    origin: ticket.origin,
    description: ticket.description,
    status: ticket.status,
    reportedBy: ticket.reportedBy,
    reportedAt: ticket.reportedAt.toISOString(),
    contract: ticket.contract,
    response: clockView(clocks.response),
    fix: clockView(clocks.fix),
    engineerReport: ticket.engineerReport,
    verifiedAt: ticket.verifiedAt?.toISOString() ?? null,
    reopenCount: ticket.reopenCount,
    updatedAt: ticket.updatedAt.toISOString(),
    version: ticket.version,
  };
}
