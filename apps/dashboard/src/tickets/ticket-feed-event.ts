import { CameraChanged, Envelope, eventByType, FaultTicket, FaultTicketChanged } from '@vigil/contracts';
import { TicketFact } from './ticket-view';

/** A change on the faults stream as the ticket feed passes it on: a ticket or a camera, with the stream position. */
export type TicketFeedEvent = { kind: 'ticket'; ticket: TicketFact; streamSeq: number } | { kind: 'camera'; camera: CameraChanged; streamSeq: number };

/** The feed event of a decoded envelope from the faults stream; undefined for a type the dashboard does not push. */
export function toTicketFeedEvent(envelope: Envelope, streamSeq: number): TicketFeedEvent | undefined {
  switch (eventByType(envelope.type)) {
    case 'ticketOpened':
      return { kind: 'ticket', ticket: { ...(envelope.data as FaultTicket), change: 'opened', changedBy: (envelope.data as FaultTicket).reportedBy, changeReason: null }, streamSeq };
    case 'ticketChanged':
      return { kind: 'ticket', ticket: envelope.data as FaultTicketChanged, streamSeq };
    case 'cameraChanged':
      return { kind: 'camera', camera: envelope.data as CameraChanged, streamSeq };
    default:
      return undefined;
  }
}

/** The aggregate an event is about, unique across tickets and cameras, and its version. */
export function versionOfTicketFeedEvent(event: TicketFeedEvent): { id: string; version: number } {
  return event.kind === 'ticket' ? { id: `ticket:${event.ticket.ticketId}`, version: event.ticket.version } : { id: `camera:${event.camera.cameraId}`, version: event.camera.version };
}

/** Whose ticket or camera it is. */
export function ownerOf(event: TicketFeedEvent): { partnerId: string | null } {
  return event.kind === 'ticket' ? event.ticket : event.camera;
}
