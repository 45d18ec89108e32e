import { Module } from '@nestjs/common';
import { DashboardGateway } from './dashboard.gateway';
import { IncidentFeed } from './incident-feed';

/** Dashboard: the live socket.io feed and the web page for police, partners and the contractor. */
@Module({
  providers: [IncidentFeed, DashboardGateway],
})
export class DashboardModule {}
