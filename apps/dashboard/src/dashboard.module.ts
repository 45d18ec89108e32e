import { DynamicModule, Module } from '@nestjs/common';
import { DashboardGateway } from './dashboard.gateway';
import { DASHBOARD_OPTIONS, DashboardOptions, DEFAULT_REPLAY_LIMIT } from './dashboard.options';
import { IncidentFeed } from './incident-feed';
import { NotificationFeed } from './notifications/notification-feed';
import { NotificationGateway } from './notifications/notification.gateway';
import { TicketFeed } from './tickets/ticket-feed';
import { TicketGateway } from './tickets/ticket.gateway';

/** Dashboard: the live socket.io feeds (incidents; tickets and cameras; notifications) and the web page for police, partners and the contractor. */
@Module({})
export class DashboardModule {
  static register(options: DashboardOptions = { replayLimit: DEFAULT_REPLAY_LIMIT }): DynamicModule {
    return {
      module: DashboardModule,
      providers: [{ provide: DASHBOARD_OPTIONS, useValue: options }, IncidentFeed, TicketFeed, NotificationFeed, DashboardGateway, TicketGateway, NotificationGateway],
    };
  }
}
