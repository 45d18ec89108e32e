import type { Incident, IncidentWithdrawal, SnapshotRequiredNotice } from '@vigil/contracts';
import { ConnectionListener, ReplayedFeed } from './replayed-feed';

export type { FeedStatus } from './vigil-socket';

/** What the feed tells the page. */
export interface FeedListener extends ConnectionListener {
  incident(incident: Incident, arrivedLive: boolean): void;
  /** The incident moved where this user may not see it. */
  withdrawn(withdrawal: IncidentWithdrawal): void;
  snapshotRequired(notice: SnapshotRequiredNotice): void;
}

/**
 * Incidents over socket.io: the server replays the incident stream after the page's last
 * position, then pushes `incident:opened`, `incident:changed` and `incident:withdrawn`; when it
 * will not replay it says `snapshot:required`.
 */
export class LiveFeed extends ReplayedFeed {
  constructor(token: string, private readonly listener: FeedListener) {
    super(token, 'incidents:resume', listener);
    this.on('incident:opened', (push) => this.take(push));
    this.on('incident:changed', (push) => this.take(push));
    this.on('incident:withdrawn', (withdrawal) => {
      this.seen(withdrawal.streamSeq);
      listener.withdrawn(withdrawal);
    });
    this.on('snapshot:required', (notice) => {
      listener.status({ kind: 'connecting', text: `reloading ${notice.missed} missed events…` });
      listener.snapshotRequired(notice);
    });
  }

  private take(incident: Incident & { streamSeq: number }): void {
    if (incident.streamSeq) this.seen(incident.streamSeq);
    const { streamSeq: _position, ...view } = incident;
    this.listener.incident(view, Date.now() - Date.parse(incident.updatedAt ?? incident.openedAt) < 60_000);
  }
}
