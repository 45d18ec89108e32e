import { Incident, IncidentChanged } from './payloads/incident';
import type { CameraChanged } from './payloads/camera';
import type { TicketChange } from './payloads/fault-ticket';
import type { NotificationPushed } from './payloads/notification';
import type { TicketAudience, TicketForAudience } from './ticket-views';

/** An incident as pushed to a dashboard, with the stream position a reconnecting client resumes from. */
export interface IncidentPush extends Incident {
  streamSeq: number;
}

/** A changed incident as pushed to a dashboard: the whole view, what changed, and the stream position. */
export interface IncidentChangePush extends IncidentChanged {
  streamSeq: number;
}

/**
 * An incident this socket could see has moved where it may not (another partner, a client,
 * unplaced): the page drops it. Deliberately nothing about where it went.
 */
export interface IncidentWithdrawal {
  incidentId: string;
  /** The version whose change took it out of sight; an older push about it is stale. */
  version: number;
  streamSeq: number;
}

/** Why the server is about to end a dashboard session; the page then asks its user to sign in again. */
export interface SessionExpiredNotice {
  reason: string;
}

/**
 * The server cannot replay what a client missed (too much, or no longer in the stream): the client
 * reloads a snapshot from the owner (GET /api/incidents, every page) and then resumes after
 * `resumeFrom`. The snapshot, read after this notice, holds every event up to `resumeFrom`.
 */
export interface SnapshotRequiredNotice {
  reason: 'gap-over-limit' | 'position-expired' | 'position-unknown';
  /** The stream position to resume from once the snapshot is loaded. */
  resumeFrom: number;
  /** How many stream messages the client missed, for the log and the page. */
  missed: number;
}

/**
 * A ticket as pushed to a dashboard: the view of the socket's audience (restricted fields are
 * absent, not null), what changed (`opened` for a new ticket) and the stream position.
 */
export type TicketPush = TicketForAudience & {
    change: TicketChange | 'opened';
    changedBy: string;
    changeReason: string | null;
    audience: TicketAudience;
    streamSeq: number;
  };

/** A camera of the register after a change (a ticket puts it out of public view, a verified fix back), with the stream position. */
export interface CameraPush extends CameraChanged {
  streamSeq: number;
}

/** Events the dashboard server sends to browsers. */
export interface ServerToClientEvents {
  'incident:opened': (incident: IncidentPush) => void;
  /** Any later change; the client keeps the highest version per incident. */
  'incident:changed': (incident: IncidentChangePush) => void;
  /** The incident left what this socket may see; sent instead of the change that moved it. */
  'incident:withdrawn': (withdrawal: IncidentWithdrawal) => void;
  /** Sent instead of a replay the server will not or cannot give; never a silent gap. */
  'snapshot:required': (notice: SnapshotRequiredNotice) => void;
  /** Sent just before the server disconnects a socket whose token has expired. */
  'session:expired': (notice: SessionExpiredNotice) => void;
  /** A fault ticket opened or changed, in the view of the socket's audience; the client keeps the highest version per ticket. */
  'ticket:changed': (ticket: TicketPush) => void;
  /** A camera of the register changed (status, public view). */
  'camera:changed': (camera: CameraPush) => void;
  /** Like `snapshot:required`, for the ticket feed: reload GET /api/tickets?board=open, then resume after `resumeFrom`. */
  'tickets:snapshot-required': (notice: SnapshotRequiredNotice) => void;
  /** A notification notify sent to this socket's audience (its role's, or its partner's); live only, never replayed. */
  'notification:pushed': (notification: NotificationPushed) => void;
}

/** Events browsers send to the dashboard server. */
export interface ClientToServerEvents {
  /** Asks for everything after a stream position the client already has. */
  'incidents:resume': (afterSeq: number) => void;
  /** Asks for every ticket and camera change after a position of the faults stream the client already has. */
  'tickets:resume': (afterSeq: number) => void;
}

/** Socket.io event names, spelled once. */
export const SOCKET_EVENTS = {
  incidentOpened: 'incident:opened',
  incidentChanged: 'incident:changed',
  incidentWithdrawn: 'incident:withdrawn',
  incidentsResume: 'incidents:resume',
  snapshotRequired: 'snapshot:required',
  sessionExpired: 'session:expired',
  ticketChanged: 'ticket:changed',
  cameraChanged: 'camera:changed',
  ticketsSnapshotRequired: 'tickets:snapshot-required',
  ticketsResume: 'tickets:resume',
  notificationPushed: 'notification:pushed',
} as const;
