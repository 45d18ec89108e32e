import type { ServerToClientEvents } from '@vigil/contracts';
import { FeedStatus, shareSocket, VigilSocket } from './vigil-socket';

/** What any feed tells the page about the connection itself. */
export interface ConnectionListener {
  status(status: FeedStatus): void;
  signedOut(reason: string): void;
}

/** The event a feed asks for its replay with, naming the last stream position the page has. */
type ResumeEvent = 'incidents:resume' | 'tickets:resume';

/**
 * A stream the server replays after the last position this page has seen, on every (re)connect,
 * then pushes live; when it will not replay, the page reloads a snapshot and calls resume(). The
 * incident and ticket feeds differ only in the events they take.
 */
export abstract class ReplayedFeed {
  private readonly socket: VigilSocket;
  private readonly releaseSocket: () => void;
  private readonly handlers: [keyof ServerToClientEvents | 'connect' | 'disconnect' | 'connect_error', (...args: never[]) => void][] = [];
  private lastSeq = 0;
  private stopped = false;

  protected constructor(
    token: string,
    private readonly resumeEvent: ResumeEvent,
    private readonly connection: ConnectionListener,
  ) {
    const { socket, release } = shareSocket(token);
    this.socket = socket;
    this.releaseSocket = release;
    this.listen('connect', () => {
      connection.status({ kind: 'live', text: 'live' });
      this.askReplay();
    });
    this.listen('disconnect', () => {
      if (!this.stopped) connection.status({ kind: 'connecting', text: 'reconnecting…' });
    });
    this.listen('connect_error', (error: Error) => {
      if (/^unauthorised/.test(error.message)) connection.signedOut(error.message);
      else connection.status({ kind: 'down', text: 'cannot reach Vigil' });
    });
    this.on('session:expired', (notice) => connection.signedOut(notice.reason));
    // A second feed on a socket that is already up has missed its 'connect'.
    if (socket.connected) {
      connection.status({ kind: 'live', text: 'live' });
      this.askReplay();
    }
  }

  /** After a snapshot: go on from the position the server named (the snapshot holds everything up to it). */
  resume(from: number): void {
    this.seen(from);
    this.connection.status({ kind: 'live', text: 'live' });
    this.askReplay();
  }

  /** A failed snapshot: ask again in a while from where the page stands; the server answers with a replay or a new request. */
  retryLater(ms = 5000): void {
    this.connection.status({ kind: 'down', text: 'cannot reach Vigil' });
    setTimeout(() => {
      if (!this.stopped) this.askReplay();
    }, ms);
  }

  stop(): void {
    this.stopped = true;
    for (const [event, handler] of this.handlers.splice(0)) this.socket.off(event as never, handler as never);
    this.releaseSocket();
  }

  /** Takes a server event for as long as this feed runs. */
  protected on<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]): void {
    this.listen(event, handler as (...args: never[]) => void);
  }

  /** The page has everything up to this stream position. */
  protected seen(streamSeq: number): void {
    this.lastSeq = Math.max(this.lastSeq, streamSeq);
  }

  private listen(event: keyof ServerToClientEvents | 'connect' | 'disconnect' | 'connect_error', handler: (...args: never[]) => void): void {
    this.handlers.push([event, handler]);
    this.socket.on(event as never, handler as never);
  }

  private askReplay(): void {
    this.socket.emit(this.resumeEvent, this.lastSeq);
  }
}
