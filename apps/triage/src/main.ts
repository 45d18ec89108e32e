import { AddressInfo } from 'node:net';
import { Module } from '@nestjs/common';
import { startConsumers } from '@vigil/bus';
import { createVigilApp, exitOnStartupFailure, PlatformModule } from '@vigil/config';
import { loadTriageConfig } from './triage.config';
import { TriageModule } from './triage.module';

async function main(): Promise<void> {
  const config = loadTriageConfig();

  @Module({ imports: [PlatformModule.forRoot(config.platform, 'triage'), TriageModule.register(config.triage)] })
  class TriageAppModule {}

  const { app, logger } = await createVigilApp(TriageAppModule, config.platform, 'triage');
  await app.listen(config.httpPort, '0.0.0.0');
  await startConsumers(app);
  const { port } = app.getHttpServer().address() as AddressInfo;
  logger.log({ msg: 'triage listening', port });
}

main().catch(exitOnStartupFailure);
