import { AddressInfo } from 'node:net';
import { Module } from '@nestjs/common';
import { startConsumers } from '@vigil/bus';
import { createVigilApp, exitOnStartupFailure, PlatformModule } from '@vigil/config';
import { loadIngestConfig } from './ingest.config';
import { IngestModule } from './ingest.module';

async function main(): Promise<void> {
  const config = loadIngestConfig();

  @Module({ imports: [PlatformModule.forRoot(config.platform, 'ingest'), IngestModule.register(config.ingest)] })
  class IngestAppModule {}

  const { app, logger } = await createVigilApp(IngestAppModule, config.platform, 'ingest');
  await app.listen(config.httpPort, '0.0.0.0');
  await startConsumers(app);
  const { port } = app.getHttpServer().address() as AddressInfo;
  logger.log({ msg: 'ingest listening', port });
}

main().catch(exitOnStartupFailure);
