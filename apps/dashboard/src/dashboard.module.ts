import { Module } from '@nestjs/common';
import { DashboardGateway } from './dashboard.gateway';
import { IncidentFeed } from './incident-feed';
import { StaticController } from './static.controller';

/** Dashboard: the live socket.io feed and the web page for police, partners and the contractor. */
@Module({
  controllers: [StaticController],
  providers: [IncidentFeed, DashboardGateway],
})
export class DashboardModule {}
