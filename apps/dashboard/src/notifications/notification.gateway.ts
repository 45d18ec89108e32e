import { OnGatewayConnection, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { OnModuleDestroy } from '@nestjs/common';
import type { Server, Socket } from 'socket.io';
import { Principal } from '@vigil/auth';
import { ClientToServerEvents, NotificationPushed, ServerToClientEvents, SOCKET_EVENTS } from '@vigil/contracts';
import { NotificationFeed } from './notification-feed';
import { notificationRoomsFor, roomsForNotification } from './notification-rooms';

type NotificationSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { principal?: Principal }>;

/**
 * Push-only projection of NOTIFICATIONS to the same sockets as the incident feed: each socket
 * joins the notification rooms of its role (and partner), and each notification goes to the rooms
 * of its audience only. Live only: there is nothing to resume. The handshake, and the token's
 * expiry, are the DashboardGateway's: a socket reaches this gateway signed in or not at all.
 */
@WebSocketGateway()
export class NotificationGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  private unsubscribe?: () => void;

  @WebSocketServer()
  server: Server<ClientToServerEvents, ServerToClientEvents>;

  constructor(private readonly feed: NotificationFeed) {}

  afterInit(): void {
    this.unsubscribe = this.feed.subscribe((notification) => this.push(notification));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  handleConnection(socket: NotificationSocket): void {
    if (socket.data.principal) void socket.join(notificationRoomsFor(socket.data.principal));
  }

  private push(notification: NotificationPushed): void {
    const rooms = roomsForNotification(notification.audience);
    if (rooms.length > 0) this.server.to(rooms).emit(SOCKET_EVENTS.notificationPushed, notification);
  }
}
