import { EventPublisher } from '@vigil/bus';
import { FaultTicketChanged, TicketChange } from '@vigil/contracts';
import { OutboxEntry } from '@vigil/db';
import { TicketEntity } from './ticket.entity';
import { toTicketView } from './ticket-view';

/** The `ticketOpened` event (version 1): its id is the ticket, so a relayed copy is dropped. */
export function ticketOpenedEvent(publisher: EventPublisher, ticket: TicketEntity, cameraIds: readonly string[], now: Date): OutboxEntry {
  const view = toTicketView(ticket, cameraIds);
  const envelope = publisher.envelope('ticketOpened', view, { id: `ticket-opened:${ticket.id}`, time: now });
  return { subject: publisher.subjectFor('ticketOpened', view), envelope, aggregate: { id: `ticket:${ticket.id}`, version: ticket.version } };
}

/** The `ticketChanged` event of the ticket's version as it is now, behind the versions before it. */
export function ticketChangedEvent(
  publisher: EventPublisher,
  ticket: TicketEntity,
  cameraIds: readonly string[],
  author: { change: TicketChange; changedBy: string; reason: string | null },
  now: Date,
): OutboxEntry {
  const data: FaultTicketChanged = { ...toTicketView(ticket, cameraIds), change: author.change, changedBy: author.changedBy, changeReason: author.reason };
  const envelope = publisher.envelope('ticketChanged', data, { id: `ticket-changed:${ticket.id}:${ticket.version}`, time: now });
  return { subject: publisher.subjectFor('ticketChanged', data), envelope, aggregate: { id: `ticket:${ticket.id}`, version: ticket.version } };
}
