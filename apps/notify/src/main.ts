import { Module } from '@nestjs/common';
import { startConsumers } from '@vigil/bus';
import { createVigilApp, exitOnStartupFailure, PlatformModule } from '@vigil/config';
import { loadNotifyConfig } from './notify.config';
import { NotifyModule } from './notify.module';

async function main(): Promise<void> {
  const config = loadNotifyConfig();

  @Module({ imports: [PlatformModule.forRoot(config.platform, 'notify'), NotifyModule.register(config.notify)] })
  class NotifyAppModule {}

  const { app, logger } = await createVigilApp(NotifyAppModule, config.platform, 'notify');
  await app.listen(config.httpPort, '0.0.0.0');
  await startConsumers(app);
  logger.log({ msg: 'notify listening', port: config.httpPort });
}

main().catch(exitOnStartupFailure);
