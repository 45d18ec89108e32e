import { Inject, Injectable } from '@nestjs/common';
import { BusConnection, STREAMS } from '@vigil/bus';
import { SUBJECTS } from '@vigil/contracts';
import { DASHBOARD_OPTIONS, DashboardOptions } from './dashboard.options';
import { FeedEvent, toFeedEvent } from './feed-event';
import { FeedListener, StreamFeed } from './stream-feed';

/** Receives each incident event (opened or changed) with its stream position. */
export type IncidentListener = FeedListener<FeedEvent>;

/** This replica's view of the incident stream: each incident version once, replayed to a reconnecting client. */
@Injectable()
export class IncidentFeed extends StreamFeed<FeedEvent> {
  constructor(bus: BusConnection, @Inject(DASHBOARD_OPTIONS) options: DashboardOptions) {
    super(bus, options.replayLimit, {
      label: 'incident feed',
      stream: STREAMS.incidents.name,
      filterSubject: SUBJECTS.incidents,
      toEvent: toFeedEvent,
      versionOf: (event) => ({ id: event.incident.incidentId, version: event.incident.version }),
      startup: 'waits-for-stream',
    });
  }
}
