import { Logger, OnModuleDestroy } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayConnection, OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { Principal } from '@vigil/auth';
import { CameraPush, ClientToServerEvents, ServerToClientEvents, SOCKET_EVENTS, TicketAudience } from '@vigil/contracts';
import { audienceFor, ticketDeliveries, ticketRoomsFor } from './ticket-audience';
import { TicketFeed } from './ticket-feed';
import { ownerOf, TicketFeedEvent } from './ticket-feed-event';
import { ticketViewFor } from './ticket-view';

type TicketSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { principal?: Principal }>;

/**
 * Push-only projection of the faults stream (tickets and cameras) to the same sockets as the
 * incident feed: each socket joins the ticket room of its audience and gets that audience's view.
 * The handshake, and the token's expiry, are the DashboardGateway's: a socket reaches this
 * gateway signed in or not at all.
 */
@WebSocketGateway()
export class TicketGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  private readonly logger = new Logger('TicketGateway');
  private unsubscribe?: () => void;

  @WebSocketServer()
  server: Server<ClientToServerEvents, ServerToClientEvents>;

  constructor(private readonly feed: TicketFeed) {}

  afterInit(): void {
    this.unsubscribe = this.feed.subscribe((event) => this.push(event));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  handleConnection(socket: TicketSocket): void {
    if (socket.data.principal) void socket.join(ticketRoomsFor(socket.data.principal));
  }

  /** Sends a reconnecting client every ticket and camera change after `afterSeq` in its own view, or asks it to reload a snapshot. */
  @SubscribeMessage(SOCKET_EVENTS.ticketsResume)
  async resume(@ConnectedSocket() socket: TicketSocket, @MessageBody() afterSeq: number): Promise<void> {
    const principal = socket.data.principal;
    if (!principal || !Number.isInteger(afterSeq) || afterSeq < 0) return;
    const plan = await this.feed.replay(afterSeq, (event) => {
      const audience = audienceFor(principal, ownerOf(event));
      if (audience) emit(socket, audience, event);
    });
    if (plan.kind !== 'snapshot-required') return;
    this.logger.log({ msg: 'client must reload the ticket board', reason: plan.reason, afterSeq, resumeFrom: plan.resumeFrom, missed: plan.missed });
    socket.emit(SOCKET_EVENTS.ticketsSnapshotRequired, { reason: plan.reason, resumeFrom: plan.resumeFrom, missed: plan.missed });
  }

  private push(event: TicketFeedEvent): void {
    for (const { room, audience } of ticketDeliveries(ownerOf(event))) emit(this.server.to(room), audience, event);
  }
}

/** Emits a ticket in the audience's view, or a camera (the same for every audience that may see it). */
function emit(target: Pick<TicketSocket, 'emit'>, audience: TicketAudience, event: TicketFeedEvent): void {
  if (event.kind === 'ticket') target.emit(SOCKET_EVENTS.ticketChanged, ticketViewFor(audience, event.ticket, event.streamSeq));
  else target.emit(SOCKET_EVENTS.cameraChanged, { ...event.camera, streamSeq: event.streamSeq } satisfies CameraPush);
}
