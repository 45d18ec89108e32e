import { AddressInfo } from 'node:net';
import { Module } from '@nestjs/common';
import { createVigilApp, exitOnStartupFailure, PlatformModule } from '@vigil/config';
import { apiForwarder } from './api-forwarder';
import { loadDashboardConfig } from './dashboard.config';
import { DashboardModule } from './dashboard.module';
import { serveDashboardPage } from './dashboard-page';
import { SignInModule } from './sign-in/sign-in.module';

async function main(): Promise<void> {
  const config = loadDashboardConfig();

  @Module({ imports: [PlatformModule.forRoot(config.platform, 'dashboard'), DashboardModule.register(config.feed), SignInModule.register(config.signIn)] })
  class DashboardAppModule {}

  const { app, logger } = await createVigilApp(DashboardAppModule, config.platform, 'dashboard');
  // Registered before Nest's routes, so the page reaches ingest's and triage's APIs through this port.
  app.use(apiForwarder(config.apiOwners));
  serveDashboardPage(app);
  await app.listen(config.httpPort, '0.0.0.0');
  const { port } = app.getHttpServer().address() as AddressInfo;
  logger.log({ msg: 'dashboard listening', port, url: `http://localhost:${port}/`, forwards: config.apiOwners });
}

main().catch(exitOnStartupFailure);
