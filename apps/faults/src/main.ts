import { Module } from '@nestjs/common';
import { startConsumers } from '@vigil/bus';
import { createVigilApp, exitOnStartupFailure, PlatformModule } from '@vigil/config';
import { loadFaultsConfig } from './faults.config';
import { FaultsModule } from './faults.module';

async function main(): Promise<void> {
  const config = loadFaultsConfig();

  @Module({ imports: [PlatformModule.forRoot(config.platform, 'faults'), FaultsModule.register(config.faults)] })
  class FaultsAppModule {}

  const { app, logger } = await createVigilApp(FaultsAppModule, config.platform, 'faults');
  await app.listen(config.httpPort, '0.0.0.0');
  await startConsumers(app);
  logger.log({ msg: 'faults listening', port: config.httpPort });
}

main().catch(exitOnStartupFailure);
