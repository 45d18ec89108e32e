import { Inject, Injectable } from '@nestjs/common';
import { BusConnection, STREAMS } from '@vigil/bus';
import { DASHBOARD_OPTIONS, DashboardOptions } from '../dashboard.options';
import { StreamFeed } from '../stream-feed';
import { TicketFeedEvent, toTicketFeedEvent, versionOfTicketFeedEvent } from './ticket-feed-event';

/**
 * This replica's view of the faults stream (tickets and the camera register): each version once,
 * replayed to a reconnecting client. The whole stream, unfiltered: it holds exactly those two.
 */
@Injectable()
export class TicketFeed extends StreamFeed<TicketFeedEvent> {
  constructor(bus: BusConnection, @Inject(DASHBOARD_OPTIONS) options: DashboardOptions) {
    super(bus, options.replayLimit, { label: 'ticket feed', stream: STREAMS.faults.name, toEvent: toTicketFeedEvent, versionOf: versionOfTicketFeedEvent, startup: 'follows-when-provisioned' });
  }
}
