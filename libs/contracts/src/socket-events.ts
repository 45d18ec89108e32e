import { Incident } from './payloads/incident';

/** An incident as pushed to a dashboard, with the stream position a reconnecting client resumes from. */
export interface IncidentPush extends Incident {
  streamSeq: number;
}

/** Why the server is about to end a dashboard session; the page then asks its user to sign in again. */
export interface SessionExpiredNotice {
  reason: string;
}

/** Events the dashboard server sends to browsers. */
export interface ServerToClientEvents {
  'incident:opened': (incident: IncidentPush) => void;
  /** Sent just before the server disconnects a socket whose token has expired. */
  'session:expired': (notice: SessionExpiredNotice) => void;
}

/** Events browsers send to the dashboard server. */
export interface ClientToServerEvents {
  /** Asks for everything after a stream position the client already has. */
  'incidents:resume': (afterSeq: number) => void;
}

/** Socket.io event names, spelled once. */
export const SOCKET_EVENTS = {
  incidentOpened: 'incident:opened',
  incidentsResume: 'incidents:resume',
  sessionExpired: 'session:expired',
} as const;
