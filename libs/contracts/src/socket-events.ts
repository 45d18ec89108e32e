import { Incident } from './payloads/incident';

/** An incident as pushed to a dashboard, with the stream position a reconnecting client resumes from. */
export interface IncidentPush extends Incident {
  streamSeq: number;
}

/** Events the dashboard server sends to browsers. */
export interface ServerToClientEvents {
  'incident:opened': (incident: IncidentPush) => void;
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
} as const;
