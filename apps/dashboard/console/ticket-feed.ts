import type { CameraPush, SnapshotRequiredNotice, TicketPush } from '@vigil/contracts';
import { ConnectionListener, ReplayedFeed } from './replayed-feed';

/** What the ticket feed tells the page. */
export interface TicketFeedListener extends ConnectionListener {
  ticket(ticket: TicketPush): void;
  camera(camera: CameraPush): void;
  snapshotRequired(notice: SnapshotRequiredNotice): void;
}

/**
 * Tickets and cameras over socket.io, on the same connection as incidents: the server replays
 * the faults stream after the page's last position, then pushes `ticket:changed` and
 * `camera:changed`; when it will not replay it says `tickets:snapshot-required`, and the page
 * reloads the open board.
 */
export class TicketFeed extends ReplayedFeed {
  constructor(token: string, listener: TicketFeedListener) {
    super(token, 'tickets:resume', listener);
    this.on('ticket:changed', (push) => {
      this.seen(push.streamSeq);
      listener.ticket(push);
    });
    this.on('camera:changed', (push) => {
      this.seen(push.streamSeq);
      listener.camera(push);
    });
    this.on('tickets:snapshot-required', (notice) => {
      listener.status({ kind: 'connecting', text: `reloading ${notice.missed} missed changes…` });
      listener.snapshotRequired(notice);
    });
  }
}
