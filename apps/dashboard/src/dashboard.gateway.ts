import { Inject, Logger, OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { AUTH_SECRET, Principal, verifyToken } from '@vigil/auth';
import { ClientToServerEvents, ServerToClientEvents, SOCKET_EVENTS } from '@vigil/contracts';
import { FeedEvent } from './feed-event';
import { IncidentFeed } from './incident-feed';
import { canReceiveIncident, losesSightOf, roomsFor, roomsForIncident, roomsLosingSight } from './incident-rooms';
import { withdrawalOf } from './incident-withdrawal';
import { endSessionWhenTokenExpires } from './session-expiry';

type DashboardSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { principal: Principal; expiresAt: Date }>;

/**
 * Push-only projection of the incident stream to browsers, each into the rooms its token allows,
 * for as long as the token lasts; rooms that lose sight of a moved incident are told it was withdrawn. Allowed origins are the adapter's (configureHttp).
 */
@WebSocketGateway()
export class DashboardGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  private readonly logger = new Logger('DashboardGateway');
  private unsubscribe?: () => void;

  @WebSocketServer()
  server: Server<ClientToServerEvents, ServerToClientEvents>;

  constructor(
    private readonly feed: IncidentFeed,
    @Inject(AUTH_SECRET) private readonly secret: string,
  ) {}

  afterInit(server: Server): void {
    // Refuse at the handshake, so a client with a bad token gets `connect_error` and the reason.
    // Only the auth payload carries a token: a query string ends up in proxy and access logs.
    server.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown }).token;
      const checked = typeof token === 'string' ? verifyToken(token, this.secret) : { ok: false as const, reason: 'send the token in the socket.io auth payload' };
      if (!checked.ok) {
        this.logger.warn({ msg: 'refused dashboard connection', reason: checked.reason, address: socket.handshake.address });
        next(new Error(`unauthorised: ${checked.reason}`));
        return;
      }
      (socket as DashboardSocket).data = { principal: checked.principal, expiresAt: checked.expiresAt };
      next();
    });
    this.unsubscribe = this.feed.subscribe((event) => this.push(event));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  handleConnection(socket: DashboardSocket): void {
    endSessionWhenTokenExpires(socket, socket.data.expiresAt);
    void socket.join(roomsFor(socket.data.principal));
  }

  /**
   * Sends a reconnecting client everything it missed after the last stream position it saw, or
   * tells it to reload a snapshot and resume from a newer position: never a silent gap.
   */
  @SubscribeMessage(SOCKET_EVENTS.incidentsResume)
  async resume(@ConnectedSocket() socket: DashboardSocket, @MessageBody() afterSeq: number): Promise<void> {
    const principal = socket.data.principal;
    if (!principal || !Number.isInteger(afterSeq) || afterSeq < 0) return;
    const plan = await this.feed.replay(afterSeq, (event) => {
      const withdrawal = withdrawalOf(event);
      if (canReceiveIncident(principal, event.incident)) emit(socket, event);
      else if (withdrawal && losesSightOf(principal, withdrawal.from, event.incident)) socket.emit(SOCKET_EVENTS.incidentWithdrawn, withdrawal.notice);
    });
    if (plan.kind !== 'snapshot-required') return;
    this.logger.log({ msg: 'client must reload a snapshot', reason: plan.reason, afterSeq, resumeFrom: plan.resumeFrom, missed: plan.missed });
    socket.emit(SOCKET_EVENTS.snapshotRequired, { reason: plan.reason, resumeFrom: plan.resumeFrom, missed: plan.missed });
  }

  private push(event: FeedEvent): void {
    const rooms = roomsForIncident(event.incident);
    emit(this.server.to(rooms), event);
    const withdrawal = withdrawalOf(event);
    if (!withdrawal) return;
    const losing = roomsLosingSight(withdrawal.from, event.incident);
    // `except`: a socket in a losing room and a keeping one has just been sent the change itself.
    if (losing.length > 0) this.server.to(losing).except(rooms).emit(SOCKET_EVENTS.incidentWithdrawn, withdrawal.notice);
  }
}

/** Emits a feed event under its own socket.io event name; two branches because socket.io's typed emit takes one name, not a union. */
function emit(target: Pick<DashboardSocket, 'emit'>, event: FeedEvent): void {
  if (event.name === SOCKET_EVENTS.incidentOpened) target.emit(event.name, event.incident);
  else target.emit(event.name, event.incident);
}
