import { Envelope, eventByType, Incident, IncidentChanged, IncidentChangePush, IncidentPush, SOCKET_EVENTS } from '@vigil/contracts';

/** An incident event as the feed passes it on: the socket.io event it becomes and its payload with the stream position. */
export type FeedEvent =
  | { name: typeof SOCKET_EVENTS.incidentOpened; incident: IncidentPush }
  | { name: typeof SOCKET_EVENTS.incidentChanged; incident: IncidentChangePush };

/** The feed event of a decoded envelope from the incident stream; undefined for a type the dashboard does not push. */
export function toFeedEvent(envelope: Envelope, streamSeq: number): FeedEvent | undefined {
  switch (eventByType(envelope.type)) {
    case 'incidentOpened':
      return { name: SOCKET_EVENTS.incidentOpened, incident: { ...(envelope.data as Incident), streamSeq } };
    case 'incidentChanged':
      return { name: SOCKET_EVENTS.incidentChanged, incident: { ...(envelope.data as IncidentChanged), streamSeq } };
    default:
      return undefined;
  }
}
