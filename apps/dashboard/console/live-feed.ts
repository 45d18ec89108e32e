import type { ClientToServerEvents, Incident, IncidentWithdrawal, ServerToClientEvents, SnapshotRequiredNotice } from '@vigil/contracts';
import type { Socket } from 'socket.io-client';

// The server's own /socket.io/socket.io.js (same version as the server, cached by the browser) defines `io`.
declare const io: (options: { auth: { token: string } }) => Socket<ServerToClientEvents, ClientToServerEvents>;

/** How the page's link to Vigil stands, as the header shows it. */
export type FeedStatus = { kind: 'live' | 'connecting' | 'down'; text: string };

/** What the feed tells the page. */
export interface FeedListener {
  incident(incident: Incident, arrivedLive: boolean): void;
  /** The incident moved where this user may not see it. */
  withdrawn(withdrawal: IncidentWithdrawal): void;
  snapshotRequired(notice: SnapshotRequiredNotice): void;
  status(status: FeedStatus): void;
  signedOut(reason: string): void;
}

/**
 * Incidents over socket.io: on each (re)connect the server replays the stream after the last
 * position this page has seen, then pushes `incident:opened`, `incident:changed` and
 * `incident:withdrawn`. When it will
 * not replay it says `snapshot:required`; the page reloads a snapshot and calls resume().
 */
export class LiveFeed {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private lastSeq = 0;
  private stopped = false;

  constructor(token: string, private readonly listener: FeedListener) {
    this.socket = io({ auth: { token } });
    this.socket.on('connect', () => {
      listener.status({ kind: 'live', text: 'live' });
      this.socket.emit('incidents:resume', this.lastSeq);
    });
    this.socket.on('disconnect', () => {
      if (!this.stopped) listener.status({ kind: 'connecting', text: 'reconnecting…' });
    });
    this.socket.on('connect_error', (error) => {
      if (/^unauthorised/.test(error.message)) listener.signedOut(error.message);
      else listener.status({ kind: 'down', text: 'cannot reach Vigil' });
    });
    this.socket.on('session:expired', (notice) => listener.signedOut(notice.reason));
    this.socket.on('incident:opened', (push) => this.take(push, push.streamSeq));
    this.socket.on('incident:changed', (push) => this.take(push, push.streamSeq));
    this.socket.on('incident:withdrawn', (withdrawal) => {
      this.lastSeq = Math.max(this.lastSeq, withdrawal.streamSeq);
      listener.withdrawn(withdrawal);
    });
    this.socket.on('snapshot:required', (notice) => {
      listener.status({ kind: 'connecting', text: `reloading ${notice.missed} missed events…` });
      listener.snapshotRequired(notice);
    });
  }

  /** After a snapshot: go on from the position the server named (the snapshot holds everything up to it). */
  resume(from: number): void {
    this.lastSeq = Math.max(this.lastSeq, from);
    this.listener.status({ kind: 'live', text: 'live' });
    this.socket.emit('incidents:resume', this.lastSeq);
  }

  /** A failed snapshot: ask again in a while from where the page stands; the server answers with a replay or a new request. */
  retryLater(ms = 5000): void {
    this.listener.status({ kind: 'down', text: 'cannot reach Vigil' });
    setTimeout(() => {
      if (!this.stopped) this.socket.emit('incidents:resume', this.lastSeq);
    }, ms);
  }

  stop(): void {
    this.stopped = true;
    this.socket.disconnect();
  }

  private take(incident: Incident & { streamSeq: number }, streamSeq: number): void {
    if (streamSeq) this.lastSeq = Math.max(this.lastSeq, streamSeq);
    const { streamSeq: _position, ...view } = incident;
    this.listener.incident(view, Date.now() - Date.parse(incident.updatedAt ?? incident.openedAt) < 60_000);
  }
}
