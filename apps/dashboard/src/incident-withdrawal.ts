import { IncidentOwner, IncidentWithdrawal, SOCKET_EVENTS } from '@vigil/contracts';
import { FeedEvent } from './feed-event';

/** What a change that moved an incident to another owner means for whoever saw it under the old one. */
export interface Withdrawal {
  /** The owner whose viewers may have lost sight of it. */
  from: IncidentOwner;
  /** What they are sent: the incident, the version and the stream position, nothing of where it went. */
  notice: IncidentWithdrawal;
}

/** The withdrawal a feed event carries, or undefined when it did not move its incident to another owner. */
export function withdrawalOf(event: FeedEvent): Withdrawal | undefined {
  if (event.name !== SOCKET_EVENTS.incidentChanged || !event.incident.previousOwner) return undefined;
  const { incidentId, version, streamSeq, previousOwner } = event.incident;
  return { from: previousOwner, notice: { incidentId, version, streamSeq } };
}
