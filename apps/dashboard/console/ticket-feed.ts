import type { CameraPush, ClientToServerEvents, ServerToClientEvents, SnapshotRequiredNotice, TicketPush } from '@vigil/contracts';
import type { Socket } from 'socket.io-client';
import type { FeedStatus } from './live-feed';

// The server's own /socket.io/socket.io.js defines `io`.
declare const io: (options: { auth: { token: string } }) => Socket<ServerToClientEvents, ClientToServerEvents>;

/** What the ticket feed tells the page. */
export interface TicketFeedListener {
  ticket(ticket: TicketPush): void;
  camera(camera: CameraPush): void;
  snapshotRequired(notice: SnapshotRequiredNotice): void;
  status(status: FeedStatus): void;
  signedOut(reason: string): void;
}

/**
 * Tickets and cameras over socket.io, as LiveFeed does incidents: on each (re)connect the server
 * replays the faults stream after the last position this page has seen, then pushes
 * `ticket:changed` and `camera:changed`; when it will not replay it says
 * `tickets:snapshot-required`, the page reloads the open board and calls resume().
 */
export class TicketFeed {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private lastSeq = 0;
  private stopped = false;

  constructor(token: string, private readonly listener: TicketFeedListener) {
    this.socket = io({ auth: { token } });
    this.socket.on('connect', () => {
      listener.status({ kind: 'live', text: 'live' });
      this.socket.emit('tickets:resume', this.lastSeq);
    });
    this.socket.on('disconnect', () => {
      if (!this.stopped) listener.status({ kind: 'connecting', text: 'reconnecting…' });
    });
    this.socket.on('connect_error', (error) => {
      if (/^unauthorised/.test(error.message)) listener.signedOut(error.message);
      else listener.status({ kind: 'down', text: 'cannot reach Vigil' });
    });
    this.socket.on('session:expired', (notice) => listener.signedOut(notice.reason));
    this.socket.on('ticket:changed', (push) => {
      this.lastSeq = Math.max(this.lastSeq, push.streamSeq);
      listener.ticket(push);
    });
    this.socket.on('camera:changed', (push) => {
      this.lastSeq = Math.max(this.lastSeq, push.streamSeq);
      listener.camera(push);
    });
    this.socket.on('tickets:snapshot-required', (notice) => {
      listener.status({ kind: 'connecting', text: `reloading ${notice.missed} missed changes…` });
      listener.snapshotRequired(notice);
    });
  }

  /** After a snapshot: go on from the position the server named. */
  resume(from: number): void {
    this.lastSeq = Math.max(this.lastSeq, from);
    this.listener.status({ kind: 'live', text: 'live' });
    this.socket.emit('tickets:resume', this.lastSeq);
  }

  /** A failed snapshot: ask again in a while from where the page stands. */
  retryLater(ms = 5000): void {
    this.listener.status({ kind: 'down', text: 'cannot reach Vigil' });
    setTimeout(() => {
      if (!this.stopped) this.socket.emit('tickets:resume', this.lastSeq);
    }, ms);
  }

  stop(): void {
    this.stopped = true;
    this.socket.disconnect();
  }
}
